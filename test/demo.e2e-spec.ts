import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { NodeProcess, useBuiltApi } from './support/built-service.js';
import { expectEventually } from './support/expect-eventually.js';
import { gql } from './support/graphql-client.js';
import { startTestApp } from './support/test-app.js';
import { tokenFor } from './support/tokens.js';

// npm run demo, as a newcomer runs it: two quarters loaded into DATA_DIR, and the queries it
// prints answer with the demo's numbers. Run twice, it changes nothing: the same numbers.

const UNTIL = '2026-06-30';

async function demo(dataDir: string, ...args: string[]): Promise<string> {
  const run = new NodeProcess('dist/bench/demo.js', ['--events', '3000', '--until', UNTIL, ...args], { DATA_DIR: dataDir });
  const exit = await run.exited(240_000);
  expect({ code: exit.code, stderr: exit.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  return run.stdout;
}

/** The printed GraphQL documents (the lines that start with `{`), in order. */
const printedQueries = (output: string): string[] => output.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('{ '));

describe('npm run demo', () => {
  const built = useBuiltApi('tandem-demo-');

  /** Every printed query's answer from a service started on the data directory, and the log's head. */
  async function numbers(queries: readonly string[]): Promise<{ head: string | null; answers: unknown[] }> {
    const app = await startTestApp({}, built.dataDir);
    try {
      await expectEventually(async () => expect((await fetch(`${app.url}/health/ready`)).status).toBe(200), { timeoutMs: 90_000 });
      const token = await tokenFor({ team: 'EXECUTIVE' });
      const answers = [];
      for (const query of queries) {
        const answer = await gql(app.url, query, {}, token);
        expect(answer.errors).toBeUndefined();
        answers.push(answer.data);
      }
      return { head: await app.tandem.app.get<EventStore>(EVENT_STORE).headPosition(), answers };
    } finally {
      await app.stop({ keepData: true });
    }
  }

  it('loads two quarters whose printed queries answer with their numbers, and a second run changes nothing', async () => {
    const first = await demo(built.dataDir);
    expect(first).toMatch(/^Loaded the demo into .*: [\d,]+ events: [\d,]+ deals and \d+ shared goals, 2025-12-\d\d to 2026-07-01 \(seed 42\)\.$/m);
    const queries = printedQueries(first);
    expect(queries).toHaveLength(4);
    const before = await numbers(queries);

    // The quarter has wins, losses with reasons and competitors, and a goal both leads endorsed.
    const [goal, scoreboard, reasons, funnel] = before.answers as [any, any, any, any]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(goal.sharedGoal.status).toMatch(/ACTIVE|PROPOSED/);
    expect(Number(scoreboard.scoreboard.wonRevenue)).toBeGreaterThan(0);
    expect(scoreboard.scoreboard.wonDeals).toBeGreaterThan(10);
    expect(reasons.reasonInsights.reasons.length).toBeGreaterThan(3);
    expect(reasons.reasonInsights.reasons.some((reason: { competitors: unknown[] }) => reason.competitors.length > 0)).toBe(true);
    expect(funnel.leadFunnel.handedOff).toBeGreaterThan(0);

    const second = await demo(built.dataDir);
    expect(second).toMatch(/^The demo is already loaded in .*\. Nothing was written\.$/m);
    expect(printedQueries(second)).toEqual(queries);
    expect(await numbers(queries)).toEqual(before);
  });

  it('loads with npm start -- --demo, then serves it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'tandem-demo-start-'));
    const service = NodeProcess.service({ DATA_DIR: other, PORT: '0' }, ['--demo', '--events', '2000', '--until', UNTIL]);
    try {
      await service.waitForOutput(/Loaded the demo into /, 120_000);
      const [, url] = await service.waitForOutput(/GraphQL +(http:\/\/127\.0\.0\.1:\d+)\/graphql/, 120_000);
      // The service made its development tokens: no AUTH_JWT_SECRET here.
      const token = (JSON.parse(readFileSync(join(other, 'dev-tokens.json'), 'utf8')) as Record<string, string>)['executive'];
      await expectEventually(async () => {
        const answer = await gql(url!, '{ deals(first: 1) { totalCount } }', {}, token);
        expect(answer.data?.['deals']?.['totalCount']).toBeGreaterThan(100);
      }, { timeoutMs: 60_000 });
      service.signal('SIGTERM');
      expect((await service.exited()).code).toBe(0);
    } finally {
      await service.stop();
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses to mix another history into the same data directory', async () => {
    const other = mkdtempSync(join(tmpdir(), 'tandem-demo-other-'));
    try {
      await demo(other);
      const run = new NodeProcess('dist/bench/demo.js', ['--events', '3000', '--until', UNTIL, '--seed', '7'], { DATA_DIR: other });
      expect((await run.exited(120_000)).code).toBe(1);
      expect(run.stderr).toMatch(/holds another history \(seed 42, 3000 events/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
