import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEFAULT_RATE_LIMIT, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({}, '/srv/tandem');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/tandem/data',
      eventStore: 'sqlite',
      sqliteSynchronous: 'FULL',
      currency: 'USD',
      production: false,
      logLevel: 'info',
      corsOrigins: [],
      rateLimitCostPerMinute: 0,
    });
  });

  it('closes CORS by default and opens it to the origins listed, trimmed', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.com , http://localhost:5173 ' }).corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('limits the cost an actor may spend per minute by default in production only, and as configured', () => {
    const secret = { AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).rateLimitCostPerMinute).toBe(DEFAULT_RATE_LIMIT);
    expect(loadConfig({ ...secret, NODE_ENV: 'production', RATE_LIMIT_COST_PER_MINUTE: '0' }).rateLimitCostPerMinute).toBe(0);
    expect(loadConfig({ RATE_LIMIT_COST_PER_MINUTE: '5000' }).rateLimitCostPerMinute).toBe(5000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE must be one of sqlite, esdb, got "postgres"'],
    [{ EVENT_STORE: 'esdb' }, 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb'],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }, 'EVENTSTORE_CONNECTION_STRING must be an EventStoreDB connection string'],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, 'SQLITE_SYNCHRONOUS must be one of FULL, NORMAL, got "OFF"'],
    [{ CURRENCY: 'XYZ' }, 'CURRENCY must be one of'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET must be at least 32 characters long'],
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL must be an http(s) URL'],
    [{ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production'],
    [{ HOST: 'http://localhost' }, 'HOST must be an IP address or a host name of this machine'],
    [{ HOST: 'two words' }, 'HOST must be an IP address or a host name of this machine, such as 127.0.0.1, 0.0.0.0 or ::, got "two words"'],
    [{ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://id.example.com/jwks' }, 'AUTH_JWT_SECRET and AUTH_JWKS_URL are exclusive'],
    [{ CORS_ORIGINS: 'app.example.com' }, 'CORS_ORIGINS must be comma-separated origins such as https://app.example.com, got "app.example.com"'],
    [{ CORS_ORIGINS: 'https://app.example.com/' }, 'got "https://app.example.com/"'],
    [{ CORS_ORIGINS: 'https://a.example.com, ftp://b.example.com' }, 'got "ftp://b.example.com"'],
    [{ CORS_ORIGINS: '*' }, 'got "*"'],
    [{ RATE_LIMIT_COST_PER_MINUTE: '-1' }, 'RATE_LIMIT_COST_PER_MINUTE must be a whole number from 0 to 1000000000, got "-1"'],
    [{ RATE_LIMIT_COST_PER_MINUTE: '1e6' }, 'RATE_LIMIT_COST_PER_MINUTE must be a whole number'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts EventStoreDB, NORMAL durability and production with a secret', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      CURRENCY: 'JPY',
      DATA_DIR: '/var/lib/tandem',
    });
    expect(config).toMatchObject({
      production: true,
      eventStore: 'esdb',
      sqliteSynchronous: 'NORMAL',
      currency: 'JPY',
      dataDir: '/var/lib/tandem',
    });
  });

  it('listens on every interface in production and where HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32) }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'tandem.internal' }).host).toBe('tandem.internal');
  });
});
