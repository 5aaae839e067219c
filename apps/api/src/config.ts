import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { SUPPORTED_CURRENCIES } from '#shared';

export type EventStoreKind = 'sqlite' | 'esdb';
export type SqliteSynchronous = 'FULL' | 'NORMAL';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly port: number;
  /** Where to listen: this machine only outside production unless HOST says otherwise. */
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  readonly eventStoreConnectionString: string | undefined;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly currency: string;
  readonly auth: AuthConfig;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  /** Origins whose browsers may call the API across origins; none by default (PRODUCT §8). */
  readonly corsOrigins: readonly string[];
  /** How far behind the head of the log a catching-up projection may be while /health/ready says ready. */
  readonly readyMaxLag: number;
  /** Cost (PRODUCT §6) an actor may spend per minute; 0 turns the limit off. */
  readonly rateLimitCostPerMinute: number;
}

export interface AuthConfig {
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
}

/** A configuration value that cannot be used: the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_SECRET_LENGTH = 32;

/** Reads and checks every variable of the configuration; throws ConfigError at the first bad one. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const eventStore = oneOf(env, 'EVENT_STORE', ['sqlite', 'esdb'] as const, 'sqlite');
  const connectionString = optional(env, 'EVENTSTORE_CONNECTION_STRING');
  if (connectionString !== undefined && !/^esdb(\+discover)?:\/\//.test(connectionString)) {
    throw new ConfigError(
      `EVENTSTORE_CONNECTION_STRING must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false, got "${connectionString}"`,
    );
  }
  if (eventStore === 'esdb' && connectionString === undefined) {
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb, e.g. esdb://localhost:2113?tls=false',
    );
  }
  const dataDir = optional(env, 'DATA_DIR') ?? './data';
  const auth: AuthConfig = {
    jwtSecret: optional(env, 'AUTH_JWT_SECRET'),
    jwksUrl: optional(env, 'AUTH_JWKS_URL'),
    issuer: optional(env, 'AUTH_ISSUER'),
    audience: optional(env, 'AUTH_AUDIENCE'),
  };
  if (auth.jwtSecret !== undefined && auth.jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  if (auth.jwtSecret !== undefined && auth.jwksUrl !== undefined) {
    throw new ConfigError('AUTH_JWT_SECRET and AUTH_JWKS_URL are exclusive: set one of them');
  }
  if (auth.jwksUrl !== undefined && !isHttpUrl(auth.jwksUrl)) {
    throw new ConfigError(`AUTH_JWKS_URL must be an http(s) URL, got "${auth.jwksUrl}"`);
  }
  if (production && auth.jwtSecret === undefined && auth.jwksUrl === undefined) {
    throw new ConfigError('AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: listenHost(env, production),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    eventStore,
    eventStoreConnectionString: connectionString,
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    currency: oneOf(env, 'CURRENCY', SUPPORTED_CURRENCIES, 'USD'),
    auth,
    production,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    readyMaxLag: integer(env, 'READY_MAX_LAG', 1000, 0, 1_000_000_000),
    // On by default in production: an actor's requests share one budget of query cost.
    rateLimitCostPerMinute: integer(env, 'RATE_LIMIT_COST_PER_MINUTE', production ? DEFAULT_RATE_LIMIT : 0, 0, 1_000_000_000),
  };
}

/** Cost an actor may spend per minute in production unless configured: fifty of the costliest queries. */
export const DEFAULT_RATE_LIMIT = 1_000_000;

/** A comma-separated list of origins, each scheme://host[:port] exactly as a browser sends it. */
function origins(env: Env, name: string): string[] {
  const value = optional(env, name);
  if (value === undefined) return [];
  return value.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name} must be comma-separated origins such as https://app.example.com, got "${origin}"`);
    }
    return origin;
  });
}

/**
 * Outside production the service hands out development tokens and answers introspection, so it
 * listens on the loopback interface unless told otherwise; in production (containers) on every one.
 */
function listenHost(env: Env, production: boolean): string {
  const value = optional(env, 'HOST');
  if (value === undefined) return production ? '0.0.0.0' : '127.0.0.1';
  const hostName = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  if (isIP(value) === 0 && !hostName.test(value)) {
    throw new ConfigError(`HOST must be an IP address or a host name of this machine, such as 127.0.0.1, 0.0.0.0 or ::, got "${value}"`);
  }
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = optional(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = optional(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
