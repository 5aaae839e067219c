import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { SqliteEventStore } from '#event-store/sqlite';
import { buildApi, BUILD_TIMEOUT_MS, NodeProcess } from './support/built-service.js';
import { expectEventually } from './support/expect-eventually.js';
import { gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { tokenFor, TEST_SECRET } from './support/tokens.js';

// npm run tandem -- <command>, as an operator runs it (the built command line in its own
// process, on the service's DATA_DIR), beside a running service.

const OPEN = 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }';
const openDeal = (app: RunningApp, token: string) =>
  gql(app.url, OPEN, { input: { id: randomUUID(), title: 'Backup load', account: 'Harbor', source: 'SALES', owner: 'ava', amount: '500.00' } }, token);

async function tandem(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = new NodeProcess('dist/apps/api/src/tandem.js', args, { AUTH_JWT_SECRET: TEST_SECRET, ...env });
  const { code } = await run.exited(120_000);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

describe('the command line', () => {
  let app: RunningApp;
  let sales: string;
  beforeAll(async () => {
    await buildApi();
  }, BUILD_TIMEOUT_MS);
  beforeAll(async () => {
    app = await startTestApp();
    sales = await tokenFor({ team: 'SALES' });
  });
  afterAll(async () => app?.stop());

  it('issues a token signed with the configured secret, which the service accepts', async () => {
    const { code, stdout } = await tandem({ DATA_DIR: app.dataDir }, 'tokens:issue', '--team', 'sales', '--lead', '--days', '30', '--name', 'Robin Ops');
    expect(code).toBe(0);
    const token = stdout.trim();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ team: 'SALES', lead: true, name: 'Robin Ops', sub: 'sales-lead-cli' });
    expect(claims.exp! - claims.iat!).toBe(30 * 86_400);
    const answer = await gql(app.url, '{ deals { totalCount } }', {}, token);
    expect(answer.errors).toBeUndefined();
  });

  it('refuses a team it does not know, in one line', async () => {
    const { code, stderr } = await tandem({ DATA_DIR: app.dataDir }, 'tokens:issue', '--team', 'FINANCE');
    expect(code).toBe(1);
    expect(stderr).toBe('tokens:issue: --team must be one of MARKETING, SALES, EXECUTIVE, REVOPS, got "FINANCE"\n');
  });

  it("reports each projection's status and lag", async () => {
    expect((await openDeal(app, sales)).errors).toBeUndefined();
    const { code, stdout } = await tandem({ DATA_DIR: app.dataDir }, 'projections:status');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^log head: \d+ \(sqlite\)\n/);
    expect(stdout).toMatch(/^deals +live +v\d+ +\d+ +0\b/m);
  });

  it('backs up the SQLite files while the service writes, into a copy a service starts on', async () => {
    // Given writes going on
    let writing = true;
    let acknowledged = 0;
    const writer = (async () => {
      while (writing) if ((await openDeal(app, sales)).errors === undefined) acknowledged += 1;
    })();
    await expectEventually(() => expect(acknowledged).toBeGreaterThan(5));
    const before = acknowledged;

    // When the backup runs
    const destination = join(mkdtempSync(join(tmpdir(), 'tandem-backup-')), 'copy');
    const { code, stdout } = await tandem({ DATA_DIR: app.dataDir }, 'backup', destination);
    writing = false;
    await writer;
    expect(code).toBe(0);
    expect(stdout).toBe(`backed up read-models.sqlite, events.sqlite to ${destination}\n`);

    // Then the copy holds at least what was acknowledged before it began, and a service on it
    // serves every deal of its log (its read models never ahead of its log)
    const store = new SqliteEventStore(join(destination, 'events.sqlite'), { synchronous: 'NORMAL' });
    const opened = (await store.readAll({ eventTypes: ['DealOpened'] })).length;
    await store.close();
    expect(opened).toBeGreaterThanOrEqual(before);
    const restored = await startTestApp({}, destination);
    try {
      await expectEventually(async () => expect((await fetch(`${restored.url}/health/ready`)).status).toBe(200));
      expect((await gql(restored.url, '{ deals(first: 1) { totalCount } }', {}, sales)).data).toEqual({ deals: { totalCount: opened } });
    } finally {
      await restored.stop();
      rmSync(join(destination, '..'), { recursive: true, force: true });
    }
  });
});
