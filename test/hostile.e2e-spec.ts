import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import WebSocket from 'ws';
import { createApp, loadConfig, type TandemApp } from '#api';
import { openSqliteDatabase } from '#sqlite';
import { errorCode, gql, type GraphQLResponse } from './support/graphql-client.js';
import { teamTokens, tokenFor, TEST_SECRET } from './support/tokens.js';

// A hostile client against the running service in production mode, over HTTP and WebSocket
// (PRODUCT §6, §7): every request is refused with the code the spec names, nothing is written
// (the log's row count is the same after), and no client's mistake is logged as a server fault.

/** Per actor and minute; small enough that one actor's three costliest documents pass it. */
const RATE_LIMIT = 50_000;

interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

describe('a hostile client', () => {
  let tandem: TandemApp;
  let url: string;
  let dataDir: string;
  let tokens: Awaited<ReturnType<typeof teamTokens>>;
  const logs: LogLine[] = [];

  const eventCount = (): number => {
    const db = openSqliteDatabase(join(dataDir, 'events.sqlite'), { synchronous: 'FULL' });
    try {
      return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  /** Runs the attack and returns its outcome, checking that the log did not grow meanwhile. */
  const nothingWritten = async <T>(attack: () => Promise<T>): Promise<T> => {
    const before = eventCount();
    const outcome = await attack();
    expect(eventCount()).toBe(before);
    return outcome;
  };

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.revops}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const answer = async (response: Response): Promise<GraphQLResponse & { text: string }> => {
    const text = await response.text();
    return { status: response.status, text, ...(JSON.parse(text) as Omit<GraphQLResponse, 'status'>) };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-hostile-'));
    const lines = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      AUTH_JWT_SECRET: TEST_SECRET,
      NODE_ENV: 'production',
      RATE_LIMIT_COST_PER_MINUTE: String(RATE_LIMIT),
      CORS_ORIGINS: 'https://app.example.com',
    });
    tandem = await createApp(config, pino({ level: 'debug' }, lines));
    await tandem.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(tandem.app.getHttpServer().address() as { port: number }).port}`;
    tokens = await teamTokens();
    // A deal to aim the writes at.
    const opened = await gql(url, 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }', { input: { id: 'target', title: 'Target', account: 'Acme', source: 'SALES', owner: 'sam', amount: '1000.00' } }, tokens.sales);
    expect(opened.errors).toBeUndefined();
  });

  afterAll(async () => {
    await tandem.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('over HTTP', () => {
    it('answers BAD_REQUEST, not a server error, to a subscription sent over POST', async () => {
      const response = await answer(await nothingWritten(() => post({ query: 'subscription { dealClosed { id } }' })));
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('BAD_REQUEST');
    });

    it('answers a persisted-query code to a hash that does not match its query', async () => {
      const query = '{ health { status } }';
      const wrong = createHash('sha256').update('{ other }').digest('hex');
      const response = await answer(await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } }));
      expect(response.status).toBeLessThan(500);
      expect(String(errorCode(response))).toMatch(/^(PERSISTED_QUERY_|BAD_REQUEST)/);
    });

    it('counts __typename aliases against the alias limit', async () => {
      const query = `{ ${Array.from({ length: 100 }, (_, index) => `t${index}: __typename`).join(' ')} }`;
      const response = await answer(await post({ query }));
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/alias/i);
    });

    it.each([
      ['a misspelt enum literal', 'mutation { openDeal(input: { title: "t", account: "a", source: SALEZ, owner: "o", amount: "1.00" }) { id } }', {}],
      ['a misspelt enum in a variable', 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }', { input: { title: 't', account: 'a', source: 'SALEZ', owner: 'o', amount: '1.00' } }],
      ['a misspelt field', '{ dealz(first: 1) { edges { node { id } } } }', {}],
    ])('suggests nothing in production for %s', async (_name, query, variables) => {
      const response = await answer(await nothingWritten(() => post({ query, variables })));
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toMatch(/did you mean/i);
    });

    it.each([
      ['an amount of a million digits', { amount: '9'.repeat(1_000_000 - 100) }, 'amount'],
      ['an opening instant of a megabyte', { openedAt: `2026-01-01T00:00:00${'0'.repeat(900_000)}Z` }, 'openedAt'],
      ['a NUL in the title', { title: 'Big\u0000deal' }, 'title'],
      ['an ANSI escape in the title', { title: 'Big \u001b[31mdeal' }, 'title'],
      ['CR LF in the account', { account: 'Acme\r\nInjected: yes' }, 'account'],
      ['a right-to-left override in the title', { title: 'Big \u202edeal' }, 'title'],
    ])('refuses %s with BAD_USER_INPUT naming the field, repeating at most 100 characters of it', async (_name, overrides, field) => {
      const input = { title: 'Deal', account: 'Acme', source: 'SALES', owner: 'sam', amount: '10.00', ...overrides };
      const started = performance.now();
      const response = await answer(await nothingWritten(() => post({ query: 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }', variables: { input } }, { authorization: `Bearer ${tokens.sales}` })));
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors)).toContain(field);
      expect(response.text.length).toBeLessThan(2_000);
    });

    it('prices a page size left out, or given by a variable default, as the page it returns', async () => {
      const node = 'id title account amount touches { id team channel occurredAt } history { revision type at actor summary } retrospective { id perspectives { team reasons { code label } } }';
      const pages = (count: number, first: string) => Array.from({ length: count }, (_, index) => `p${index}: deals${first} { edges { node { ${node} } } }`).join(' ');
      const foundCost = async (query: string, variables: Record<string, unknown> = {}): Promise<number> => {
        const response = await answer(await post({ query, variables }));
        expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
        const found = /found (\d+)/.exec(response.errors?.[0]?.message ?? '');
        expect(found).not.toBeNull();
        return Number(found![1]);
      };
      const literal = await foundCost(`{ ${pages(8, '(first: 200)')} }`);
      expect(await foundCost(`query ($n: Int = 200) { ${pages(8, '(first: $n)')} }`)).toBe(literal);
      expect(await foundCost(`query ($n: Int = 5) { ${pages(8, '(first: $n)')} }`, { n: 200 })).toBe(literal);
      // Left out, first is 50 (as the resolver defaults it): fourteen such pages cost what fourteen of 50 do.
      expect(await foundCost(`{ ${pages(14, '')} }`)).toBe(await foundCost(`{ ${pages(14, '(first: 50)')} }`));
    });

    it('answers RATE_LIMITED with a retry-after once an actor spent its budget of cost for the minute', async () => {
      const token = await tokenFor({ team: 'REVOPS', sub: 'greedy' });
      const query = '{ deals(first: 200) { edges { node { id title touches { id team channel occurredAt } } } } }';
      let limited: Response | undefined;
      for (let attempt = 0; attempt < 50 && limited === undefined; attempt++) {
        const response = await post({ query }, { authorization: `Bearer ${token}` });
        if (response.status === 429) limited = response;
        else expect((await answer(response)).errors).toBeUndefined();
      }
      expect(limited).toBeDefined();
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(errorCode(await answer(limited!))).toBe('RATE_LIMITED');
      // Another actor still has its own budget.
      expect((await answer(await post({ query: '{ health { status } }' }))).errors).toBeUndefined();
    });

    it('keeps CORS closed to origins it was not told of, and open to those it was', async () => {
      const preflight = (origin: string) =>
        fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
      expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight('https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    });

    it('refuses a simple cross-site POST a browser would send without a preflight (CSRF)', async () => {
      const response = await nothingWritten(() =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${tokens.sales}` },
          body: JSON.stringify({ query: 'mutation { openDeal(input: { title: "x", account: "a", source: SALES, owner: "o", amount: "1.00" }) { id } }' }),
        }),
      );
      expect(response.status).toBe(400);
    });
  });

  describe('over WebSocket', () => {
    /** Opens a raw graphql-ws connection, says hello with the token, and returns how it ended or the ack. */
    const handshake = (token: string | undefined, first?: unknown): Promise<{ code?: number; acked: boolean; messages: unknown[] }> =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
        const messages: unknown[] = [];
        let acked = false;
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })));
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8')) as { type: string };
          messages.push(message);
          if (message.type === 'connection_ack') {
            acked = true;
            if (first === undefined) socket.close(1000);
            else socket.send(typeof first === 'string' ? first : JSON.stringify(first));
          }
          if (message.type === 'error' || message.type === 'complete') socket.close(1000);
        });
        socket.on('close', (code) => resolve({ code, acked, messages }));
        socket.on('error', reject);
      });

    it('refuses the handshake without a token, with 4401', async () => {
      const outcome = await handshake(undefined);
      expect(outcome.acked).toBe(false);
      expect(outcome.code).toBe(4401);
    });

    it('refuses the handshake with a forged token, with 4401', async () => {
      const outcome = await handshake(await tokenFor({ team: 'SALES' }, 'another-secret-0123456789abcdefghijklmnop'));
      expect(outcome.code).toBe(4401);
    });

    it('runs no mutation over WebSocket', async () => {
      const outcome = await nothingWritten(() =>
        handshake(tokens.sales, { id: '1', type: 'subscribe', payload: { query: 'mutation { openDeal(input: { title: "x", account: "a", source: SALES, owner: "o", amount: "1.00" }) { id } }' } }),
      );
      expect(JSON.stringify(outcome.messages)).toContain('BAD_REQUEST');
    });

    it('applies the document limits and keeps suggestions off', async () => {
      const misspelt = await handshake(tokens.sales, { id: '1', type: 'subscribe', payload: { query: 'subscription { dealClosd { id } }' } });
      expect(JSON.stringify(misspelt.messages)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(misspelt.messages)).not.toMatch(/did you mean/i);
      const aliases = `subscription { dealClosed { ${Array.from({ length: 40 }, (_, index) => `a${index}: id`).join(' ')} } }`;
      const tooMany = await handshake(tokens.sales, { id: '1', type: 'subscribe', payload: { query: aliases } });
      expect(JSON.stringify(tooMany.messages)).toMatch(/alias/i);
      const deep = `subscription { dealClosed { ${'retrospective { deal { '.repeat(8)}id${' } }'.repeat(8)} } }`;
      const tooDeep = await handshake(tokens.sales, { id: '1', type: 'subscribe', payload: { query: deep } });
      expect(JSON.stringify(tooDeep.messages)).toMatch(/depth/i);
    });

    it('closes the connection on a message over 1 MB', async () => {
      const outcome = await handshake(tokens.sales, 'x'.repeat(1_100_000));
      expect(outcome.code).toBe(1009);
    });
  });

  it('logged no client mistake above warn: every error line is a server fault', () => {
    const errors = logs.filter((line) => line.level >= 50);
    expect(errors).toEqual([]);
  });
});
