import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeProcess, useBuiltApi } from './support/built-service.js';
import { gql } from './support/graphql-client.js';

// The service as `npm start` runs it (the built main.js in its own process): a failed start is one
// plain line naming what is wrong and what to do, with a non-zero exit, and never a hang; a good
// start prints where everything is.

/** A failed start takes well under a second on an idle machine; the bound leaves room for a busy one, never for a hang. */
const FAILS_WITHIN_MS = 5_000;

describe('starting the service', () => {
  const built = useBuiltApi('tandem-start-');

  async function failedStart(env: Record<string, string>): Promise<string> {
    const service = NodeProcess.service({ DATA_DIR: built.dataDir, PORT: '0', ...env });
    const exit = await service.exited(FAILS_WITHIN_MS * 4);
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(FAILS_WITHIN_MS);
    expect(service.stdout).toBe('');
    const lines = service.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  }

  it.each([
    ['a DATA_DIR that cannot be created, such as /proc/x', { DATA_DIR: '/proc/x' }, /^Tandem could not start: DATA_DIR \/proc\/x cannot be created .*set DATA_DIR to a directory this user can write$/],
    ['a DATA_DIR that is not writable', { DATA_DIR: '/proc' }, /^Tandem could not start: DATA_DIR \/proc is not writable .*set DATA_DIR/],
    ['a DATA_DIR under a file', { DATA_DIR: '/etc/hostname/tandem' }, /DATA_DIR \/etc\/hostname\/tandem cannot be used: \/etc\/hostname exists and is not a directory/],
    ['a PORT out of range', { PORT: '70000' }, /^Configuration error: PORT must be a whole number from 0 to 65535, got "70000"$/],
    ['a PORT that is not a number', { PORT: 'http' }, /^Configuration error: PORT must be a whole number/],
    ['a HOST that is no address', { HOST: 'not a host' }, /^Configuration error: HOST must be an IP address or a host name/],
    ['a HOST this machine does not have', { HOST: '192.0.2.1' }, /^Tandem could not start: HOST 192\.0\.2\.1 is not an address of this machine: set HOST/],
    ['a HOST that does not resolve', { HOST: 'tandem.invalid' }, /^Tandem could not start: HOST tandem\.invalid does not resolve to an address/],
    ['a bad NODE_ENV', { NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV must be one of development, production, test, got "staging"$/],
  ])('refuses %s in one line naming it', async (_, env, line) => {
    expect(await failedStart(env)).toMatch(line);
  });

  describe('a busy port', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is named with the way out', async () => {
      expect(await failedStart({ PORT: String(port) })).toBe(
        `Tandem could not start: PORT ${port} is in use on 127.0.0.1: stop what listens there or set PORT to a free port (0 picks one)`,
      );
    });
  });

  it('refuses a DATA_DIR another live process holds', async () => {
    const held = mkdtempSync(join(tmpdir(), 'tandem-held-'));
    // This test's own process is alive: the lock is not stale.
    writeFileSync(join(held, 'tandem.lock'), `${process.pid}\n`);
    try {
      expect(await failedStart({ DATA_DIR: held })).toBe(
        `Tandem could not start: DATA_DIR ${held} is in use by another Tandem process (pid ${process.pid}): stop it first, or set DATA_DIR to another directory`,
      );
    } finally {
      rmSync(held, { recursive: true, force: true });
    }
  });

  it('prints where the API, the IDE and the tokens are, listens on loopback, and the command it suggests works', async () => {
    const service = NodeProcess.service({ DATA_DIR: built.dataDir, PORT: '0' });
    try {
      const [, origin] = await service.waitForOutput(/GraphQL +(http:\/\/127\.0\.0\.1:\d+)\/graphql/);
      expect(service.stdout).toContain(`Page      ${origin}/`);
      expect(service.stdout).toMatch(/GraphiQL IDE/);
      const tokensFile = join(built.dataDir, 'dev-tokens.json');
      expect(service.stdout).toContain(`Tokens    ${tokensFile}, also at GET ${origin}/dev-tokens`);
      expect(service.stdout).toContain('marketing, marketingLead, sales, salesLead, executive, revops');
      const query = /-d '(\{.*\})'/.exec(service.stdout)![1]!;
      const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>;
      const answer = await gql(origin!, (JSON.parse(query) as { query: string }).query, {}, tokens['revops']);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ sharedGoals: expect.any(Array) });
      // Nest's routine start-up lines stay at debug: a start is a short read.
      expect(service.stdout).not.toMatch(/RouterExplorer|InstanceLoader|Mapped \{/);
      service.signal('SIGTERM');
      expect((await service.exited()).code).toBe(0);
    } finally {
      await service.stop();
    }
  });
});
