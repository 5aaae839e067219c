import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ANY, EVENT_STORE, type EventStore, type NewEvent } from '#event-store';
import { SqliteEventStore } from '#event-store/sqlite';
import { expectEventually } from './support/expect-eventually.js';
import { errorCode, gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { tokenFor } from './support/tokens.js';

// What an operator watches: /health/live and /health/ready (through @nestjs/terminus), /metrics
// in Prometheus' format, and the correlation id that ties a request to the events it recorded.

const OPEN = 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }';
const MAX_LAG = 100;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const dealInput = (id = randomUUID()) => ({
  id,
  title: 'Northwind platform',
  account: 'Northwind',
  source: 'MARKETING',
  owner: 'Ava',
  amount: '42000.00',
  expectedCloseDate: '2026-12-31',
  openedAt: new Date(Date.now() - 86_400_000).toISOString(),
});

const touches = (dealId: string, count: number): NewEvent[] =>
  Array.from({ length: count }, () => {
    const touchId = randomUUID();
    return {
      id: randomUUID(),
      type: 'DealTouchRecorded',
      data: { dealId, touchId, team: 'MARKETING', channel: 'webinar', campaign: null, occurredAt: new Date(Date.now() - 3_600_000).toISOString() },
      metadata: { actor: 'test', team: 'MARKETING', recordedAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID() },
    };
  });

async function probe(app: RunningApp, path: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, body: (await response.json()) as Json };
}

describe('health and metrics', () => {
  const apps: RunningApp[] = [];
  const start = async (env: Record<string, string> = {}, dataDir?: string) => {
    const app = await startTestApp({ READY_MAX_LAG: String(MAX_LAG), SQLITE_SYNCHRONOUS: 'NORMAL', ...env }, dataDir);
    apps.push(app);
    return app;
  };
  afterEach(async () => {
    while (apps.length > 0) await apps.pop()!.stop();
  });

  it('is live at once, and ready only once every read model is within READY_MAX_LAG of the head', async () => {
    // Given a log that grew by thousands of events while the service was down
    const first = await start();
    const sales = await tokenFor({ team: 'SALES' });
    const dealId = randomUUID();
    expect((await gql(first.url, OPEN, { input: dealInput(dealId) }, sales)).errors).toBeUndefined();
    await first.stop({ keepData: true });
    apps.pop();
    const store = new SqliteEventStore(join(first.dataDir, 'events.sqlite'), { synchronous: 'NORMAL' });
    for (let batch = 0; batch < 30; batch++) await store.appendToStream(`deal-${dealId}`, touches(dealId, 1000), { expectedRevision: ANY });
    await store.close();

    // When the service starts on it
    const app = await start({}, first.dataDir);

    // Then it is live, but not ready while its read models catch up, and says which and how far
    expect((await probe(app, '/health/live')).status).toBe(200);
    const catchingUp = await probe(app, '/health/ready');
    expect(catchingUp.status).toBe(503);
    expect(catchingUp.body['details']['eventStore']).toMatchObject({ status: 'up', kind: 'sqlite' });
    const behind = (catchingUp.body['details']['projections']['projections'] as Json[]).filter((projection) => !projection['ready']);
    expect(behind.length).toBeGreaterThan(0);
    for (const projection of behind) expect(projection['lag']).toBeGreaterThan(MAX_LAG);

    // And ready once they have
    await expectEventually(async () => expect((await probe(app, '/health/ready')).status).toBe(200), { timeoutMs: 90_000, intervalMs: 100 });
    const ready = await probe(app, '/health/ready');
    expect(ready.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, projections: { status: 'up', maxLag: MAX_LAG } } });
  });

  it('is not ready while a read model has failed, and stays live', async () => {
    const app = await start();
    const store = app.tandem.app.get<EventStore>(EVENT_STORE);
    // An event the deals projection cannot apply: a deal opened with none of its fields.
    await store.appendToStream(`deal-${randomUUID()}`, [{ id: randomUUID(), type: 'DealOpened', data: {}, metadata: {} }], { expectedRevision: ANY });

    await expectEventually(
      async () => {
        const ready = await probe(app, '/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body['error']['projections']['projections']).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'deals', status: 'failed', ready: false })]),
        );
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect((await probe(app, '/health/live')).status).toBe(200);
  });

  it('exposes commands, GraphQL operations, projection positions and lag, and append latency at /metrics', async () => {
    const app = await start();
    const sales = await tokenFor({ team: 'SALES' });
    const dealId = randomUUID();
    expect((await gql(app.url, OPEN, { input: dealInput(dealId) }, sales)).errors).toBeUndefined();
    // The same id with other input: refused by the decider, as CONFLICT.
    expect(errorCode(await gql(app.url, OPEN, { input: { ...dealInput(dealId), title: 'Another' } }, sales))).toBe('CONFLICT');
    expect(errorCode(await gql(app.url, '{ deals { totalCount } }'))).toBe('UNAUTHENTICATED');

    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('tandem_commands_total{command="OpenDeal",outcome="ok"} 1');
    expect(text).toContain('tandem_commands_total{command="OpenDeal",outcome="CONFLICT"} 1');
    expect(text).toMatch(/tandem_command_duration_seconds_bucket\{le="0\.1",command="OpenDeal",outcome="ok"\} \d/);
    expect(text).toContain('tandem_graphql_operations_total{operation="mutation",field="openDeal",outcome="ok"} 1');
    expect(text).toContain('tandem_graphql_operations_total{operation="mutation",field="openDeal",outcome="CONFLICT"} 1');
    expect(text).toContain('tandem_graphql_operations_total{operation="query",field="deals",outcome="UNAUTHENTICATED"} 1');
    expect(text).toMatch(/tandem_graphql_operation_duration_seconds_count\{operation="mutation",outcome="ok"\} 1/);
    // The reason catalog's first definition and the deal: two appends.
    expect(text).toMatch(/tandem_event_store_append_duration_seconds_count\{outcome="ok"\} [2-9]/);
    const head = Number(/^tandem_event_store_head_position (\d+)$/m.exec(text)?.[1]);
    expect(head).toBeGreaterThan(0);
    expect(text).toContain(`tandem_projection_position{projection="deals"} ${head}`);
    expect(text).toContain('tandem_projection_lag{projection="deals"} 0');
    expect(text).toContain('tandem_projection_failed{projection="deals"} 0');
    expect(text).toMatch(/^tandem_process_cpu_seconds_total /m);
  });

  it("answers with each request's correlation id, the one its events carry", async () => {
    const app = await start();
    const sales = await tokenFor({ team: 'SALES' });
    const dealId = randomUUID();
    const correlationId = `trace-${randomUUID()}`;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sales}`, 'x-correlation-id': correlationId },
      body: JSON.stringify({ query: OPEN, variables: { input: dealInput(dealId) } }),
    });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const [opened] = await app.tandem.app.get<EventStore>(EVENT_STORE).readStream(`deal-${dealId}`);
    expect(opened?.metadata['correlationId']).toBe(correlationId);
    // One is made for a request that brings none.
    expect((await fetch(`${app.url}/health/live`)).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
