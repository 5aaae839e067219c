import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store/sqlite';
import { NodeProcess, useBuiltApi } from './support/built-service.js';
import { expectEventually } from './support/expect-eventually.js';
import { collect, gql, wsClient } from './support/graphql-client.js';

// SIGTERM under load, to the service as npm start runs it: every mutation it acknowledged is in
// the log and in the read models after a restart, requests in flight are answered, a subscriber
// is let go, and the process exits 0.

const OPEN = 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }';
const CLIENTS = 8;

/**
 * One POST on a connection of its own, so that a failure tells what happened: refused (the
 * server no longer takes connections) or reset (it cut a request it had taken).
 */
function postAlone(url: string, body: unknown, token: string): Promise<{ status: number; body: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    const sent = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(JSON.stringify(body));
  });
}

describe('a graceful shutdown', () => {
  const built = useBuiltApi('tandem-shutdown-');

  async function started(): Promise<{ service: NodeProcess; url: string; sales: string }> {
    const service = NodeProcess.service({ DATA_DIR: built.dataDir, PORT: '0', LOG_LEVEL: 'warn' });
    const [, url] = await service.waitForOutput(/GraphQL +(http:\/\/127\.0\.0\.1:\d+)\/graphql/);
    const sales = (JSON.parse(readFileSync(join(built.dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>)['sales']!;
    return { service, url: url!, sales };
  }

  it('loses nothing it acknowledged', async () => {
    const { service, url, sales } = await started();
    const acknowledged: string[] = [];
    let refused = 0;
    const cut: string[] = [];
    let stop = false;
    const subscriber = collect(wsClient(url, sales), { query: 'subscription { dealClosed { id } }' });
    try {
      // Clients open deals back to back until the service stops answering.
      const client = async () => {
        while (!stop) {
          const id = randomUUID();
          const input = { id, title: `Deal ${id}`, account: 'Load', source: 'SALES', owner: 'ava', amount: '1000.00' };
          try {
            const answer = await postAlone(url, { query: OPEN, variables: { input } }, sales);
            if (answer.status === 200 && answer.body['data']?.['openDeal']?.['id'] === id) {
              acknowledged.push(id);
            } else {
              // Told the service is going away: a client goes elsewhere.
              expect(answer.status).toBe(503);
              refused += 1;
              return;
            }
          } catch (error) {
            // Refused: the service no longer takes connections. Anything else cut a request it had taken.
            const code = (error as { code?: string }).code;
            if (code !== 'ECONNREFUSED') cut.push(code ?? String(error));
            return;
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, client);
      await expectEventually(() => expect(acknowledged.length).toBeGreaterThanOrEqual(40), { timeoutMs: 60_000 });
      const beforeSignal = acknowledged.length;
      service.signal('SIGTERM');
      const exit = await service.exited(60_000);
      stop = true;
      await Promise.all(clients);

      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(service.stderr).toBe('');
      expect(acknowledged.length).toBeGreaterThanOrEqual(beforeSignal);
      // Every request the service had taken was answered: none was cut off.
      expect(cut).toEqual([]);
      expect(refused).toBeLessThanOrEqual(CLIENTS);

      // Every acknowledged deal is in the log...
      const store = new SqliteEventStore(join(built.dataDir, 'events.sqlite'), { synchronous: 'NORMAL' });
      try {
        for (const id of acknowledged) expect((await store.readStream(`deal-${id}`)).map((event) => event.type)).toEqual(['DealOpened']);
      } finally {
        await store.close();
      }
    } finally {
      await subscriber.stop().catch(() => undefined);
      await service.stop();
    }

    // ...and in the read models of the service started again.
    const again = await started();
    try {
      const answer = await gql(again.url, '{ deals(first: 1) { totalCount } }', {}, again.sales);
      expect(answer.data?.['deals']?.['totalCount']).toBeGreaterThanOrEqual(acknowledged.length);
      for (const id of acknowledged.slice(-CLIENTS)) {
        expect((await gql(again.url, 'query ($id: ID!) { deal(id: $id) { id } }', { id }, again.sales)).data?.['deal']).toEqual({ id });
      }
      again.service.signal('SIGTERM');
      expect((await again.service.exited()).code).toBe(0);
    } finally {
      await again.service.stop();
    }
  });
});
