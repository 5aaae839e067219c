import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { exportLog, importLog, loadConfig, rebuildProjections } from '#api';
import { EVENT_STORE, type EventStore } from '#event-store';
import { SqliteEventStore } from '#event-store/sqlite';
import { openSqliteDatabase } from '#sqlite';
import { expectEventually } from './support/expect-eventually.js';
import { collect, gql, wsClient } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';
import { teamTokens, TEST_SECRET } from './support/tokens.js';

// One quarter of two teams' work, recorded step by step under a controlled server clock, with
// every expected figure worked out by hand from PRODUCT.md §4 (the derivations are beside them).
//
// Goal G: 2026-01-01..2026-03-31 (90 days), segment ENT, target 100000.00, revised to 120000.00
// on Feb 20. ENT deals: D1 won Feb 1 (30000, MARKETING-sourced, touches M1 Jan 5, S1 Jan 20, M2
// Jan 31 and S2 Feb 1 12:00 after the close), D2 lost Feb 3 (10000, PRICE_TOO_HIGH, Acme), D3 open
// (50000, expected Mar 20), D5 won Feb 5 (20000, SALES-sourced, no touches) but recorded only on
// Feb 15. SMB: D4 won Feb 2 (7000, SALES-sourced, marketing touch Jan 26). MID (losses for the
// reason report): D6 Jan 20 BAD_TIMING, D11 Jan 25 PRICE_TOO_HIGH, D7 Feb 6 OLD_A (merged
// OLD_A → OLD_B → PRICE_TOO_HIGH, Bolt), D8 Feb 8 NO_DECISION.

const DEAL = 'id status stage amount closures version';
const PROGRESS = `asOf model target wonRevenue wonDeals lostDeals attainment expectedAttainment onPace remaining
  openPipeline pipelineCoverage winRate requiredCoverage
  credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue }`;
const GOAL_PROGRESS = `query ($id: ID!, $asOf: DateTime, $model: AttributionModel) {
  sharedGoal(id: $id) { id status target progress(asOf: $asOf, model: $model) { ${PROGRESS} } } }`;
const SCOREBOARD = `query ($model: AttributionModel) { scoreboard(from: "2026-01-01", to: "2026-03-31", model: $model) {
  from to model wonRevenue wonDeals credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue } } }`;
const INSIGHT = `reason { code label } deals share revenue previousDeals trend recurring
  citedBy { team perspectives } agreement competitors { competitor deals } lastSeenAt`;
const REASON_INSIGHTS = `query ($segment: String) { reasonInsights(kind: LOSS, from: "2026-02-01", to: "2026-02-28", segment: $segment) {
  kind from to segment deals revenue reasons { ${INSIGHT} } recurring { reason { code } } } }`;
const PROGRESS_CHANGED = `subscription ($goalId: ID!) { goalProgressChanged(goalId: $goalId) { goalId progress { wonRevenue wonDeals target } } }`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by value below
type Json = Record<string, any>;

const T1 = '2026-02-10T00:00:00.000Z';
const AFTER_LATE_WIN = '2026-02-16T00:00:00.000Z';
const NOW = '2026-02-25T00:00:00.000Z';

describe('one quarter on the scoreboard: progress as of any moment, credit under every model, recurring reasons', () => {
  const clock = new TestClock('2026-01-05T09:00:00.000Z');
  let app: RunningApp;
  let tokens: Awaited<ReturnType<typeof teamTokens>>;
  const goal = 'goal-q1-ent';

  const call = (query: string, variables: Record<string, unknown>, token: string): Promise<Json> => callAt(app.url, query, variables, token);
  const callAt = async (url: string, query: string, variables: Record<string, unknown>, token: string): Promise<Json> => {
    const response = await gql(url, query, variables, token);
    if (response.errors !== undefined) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(response.errors)}`);
    return response.data!;
  };
  const mutate = (name: string, input: Record<string, unknown>, token = tokens.revops, fields = DEAL) =>
    call(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`, { input }, token).then(
      (data) => data[name] as Json,
    );
  const openDeal = (id: string, segment: string, source: 'MARKETING' | 'SALES', amount: string, openedAt: string, expectedCloseDate?: string) =>
    mutate('openDeal', { id, title: `Deal ${id}`, account: `Account ${id}`, segment, source, owner: 'ava', amount, openedAt, ...(expectedCloseDate ? { expectedCloseDate } : {}) }, tokens.sales);
  const touch = (dealId: string, touchId: string, team: 'MARKETING' | 'SALES', occurredAt: string) =>
    mutate('recordTouch', { dealId, touchId, team, channel: team === 'MARKETING' ? 'webinar' : 'call', occurredAt }, team === 'MARKETING' ? tokens.marketing : tokens.sales);
  const win = (dealId: string, closedAt: string) => mutate('winDeal', { dealId, closedAt }, tokens.sales);
  const lose = (dealId: string, reasonCode: string, closedAt: string, competitor?: string) =>
    mutate('loseDeal', { dealId, reasonCode, closedAt, ...(competitor ? { competitor } : {}) }, tokens.sales);
  const retrospective = async (dealId: string, marketing: string[], sales: string[], agreed: string[]) => {
    const opened = await mutate('openRetrospective', { dealId }, tokens.marketing, 'id');
    await mutate('filePerspective', { retrospectiveId: opened['id'], reasonCodes: marketing, notes: 'from marketing' }, tokens.marketing, 'id');
    await mutate('filePerspective', { retrospectiveId: opened['id'], reasonCodes: sales }, tokens.sales, 'id');
    await mutate('concludeRetrospective', { retrospectiveId: opened['id'], agreedReasonCodes: agreed, summary: 'We agree.' }, tokens.sales, 'id');
  };
  const progress = (asOf?: string, model?: string, url = app.url) =>
    callAt(url, GOAL_PROGRESS, { id: goal, ...(asOf ? { asOf } : {}), ...(model ? { model } : {}) }, tokens.executive).then(
      (data) => data['sharedGoal']['progress'] as Json,
    );

  beforeAll(async () => {
    app = await startTestApp({}, undefined, { clock });
    tokens = await teamTokens();

    // Jan 5: the goal is proposed and signed by both leads.
    await mutate('proposeSharedGoal', { id: goal, name: 'Q1 enterprise', periodStart: '2026-01-01', periodEnd: '2026-03-31', target: '100000.00', segment: 'ENT' }, tokens.executive, 'id');
    await mutate('endorseSharedGoal', { goalId: goal }, tokens.marketingLead, 'id');
    await mutate('endorseSharedGoal', { goalId: goal }, tokens.salesLead, 'id');

    clock.set('2026-01-10T10:00:00.000Z');
    await openDeal('D1', 'ENT', 'MARKETING', '30000.00', '2026-01-10T10:00:00.000Z', '2026-03-15');
    await touch('D1', 'D1-M1', 'MARKETING', '2026-01-05T10:00:00.000Z');
    await openDeal('D2', 'ENT', 'SALES', '10000.00', '2026-01-10T09:00:00.000Z', '2026-02-28');

    clock.set('2026-01-15T12:00:00.000Z');
    await openDeal('D3', 'ENT', 'SALES', '50000.00', '2026-01-15T10:00:00.000Z', '2026-03-20');

    clock.set('2026-01-20T10:00:00.000Z');
    await touch('D1', 'D1-S1', 'SALES', '2026-01-20T10:00:00.000Z');
    await openDeal('D6', 'MID', 'SALES', '4000.00', '2026-01-18T00:00:00.000Z');
    await lose('D6', 'BAD_TIMING', '2026-01-20T09:00:00.000Z');

    clock.set('2026-01-26T12:00:00.000Z');
    await openDeal('D11', 'MID', 'SALES', '6000.00', '2026-01-19T00:00:00.000Z');
    await lose('D11', 'PRICE_TOO_HIGH', '2026-01-25T10:00:00.000Z');
    await openDeal('D4', 'SMB', 'SALES', '7000.00', '2026-01-25T00:00:00.000Z');
    await touch('D4', 'D4-M1', 'MARKETING', '2026-01-26T00:00:00.000Z');

    clock.set('2026-02-02T00:00:00.000Z');
    await touch('D1', 'D1-M2', 'MARKETING', '2026-01-31T10:00:00.000Z');
    await touch('D1', 'D1-S2', 'SALES', '2026-02-01T12:00:00.000Z');
    await win('D1', '2026-02-01T10:00:00.000Z');
    await win('D4', '2026-02-02T00:00:00.000Z');

    clock.set('2026-02-08T12:00:00.000Z');
    await lose('D2', 'PRICE_TOO_HIGH', '2026-02-03T00:00:00.000Z', 'Acme');
    await mutate('defineReason', { code: 'OLD_A', label: 'Budget cut', category: 'PRICE', kind: 'LOSS' }, tokens.revops, 'code');
    await mutate('defineReason', { code: 'OLD_B', label: 'Budget frozen', category: 'PRICE', kind: 'LOSS' }, tokens.revops, 'code');
    await openDeal('D7', 'MID', 'SALES', '8000.00', '2026-02-01T00:00:00.000Z');
    await lose('D7', 'OLD_A', '2026-02-06T00:00:00.000Z', 'Bolt');
    await openDeal('D8', 'MID', 'SALES', '5000.00', '2026-02-01T00:00:00.000Z');
    await lose('D8', 'NO_DECISION', '2026-02-08T00:00:00.000Z');
    await mutate('mergeReasons', { from: 'OLD_A', into: 'OLD_B' }, tokens.revops, 'code');
    await mutate('mergeReasons', { from: 'OLD_B', into: 'PRICE_TOO_HIGH' }, tokens.revops, 'code');
    await retrospective('D2', ['PRICE_TOO_HIGH', 'UNCLEAR_VALUE'], ['PRICE_TOO_HIGH', 'WEAK_FOLLOW_UP'], ['PRICE_TOO_HIGH']);
    await retrospective('D8', ['NO_DECISION'], ['BAD_TIMING'], ['NO_DECISION']);
  });

  afterAll(async () => {
    await app.stop();
  });

  it('counts at T1 only what was recorded by then (Feb 10: D1 won, D2 lost, D3 in the pipeline)', async () => {
    clock.set(T1);
    const expected = {
      asOf: T1,
      model: 'SHARED',
      target: '100000.00',
      wonRevenue: '30000.00',
      wonDeals: 1,
      lostDeals: 1,
      attainment: 0.3,
      remaining: '70000.00',
      openPipeline: '50000.00',
      winRate: 0.5,
      requiredCoverage: 2,
      onPace: false, // 0.3 < 40/90
      credit: [
        { team: 'MARKETING', creditedRevenue: '30000.00', creditedWins: 1, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
        { team: 'SALES', creditedRevenue: '30000.00', creditedWins: 1, sourcedRevenue: '0.00', influencedRevenue: '30000.00' },
      ],
    };
    const now = await progress();
    expect(now).toMatchObject(expected);
    expect(now['expectedAttainment']).toBeCloseTo(40 / 90, 10);
    expect(now['pipelineCoverage']).toBeCloseTo(50000 / 70000, 10);
  });

  it('pushes the goal progress to a subscriber when a late-recorded win lands', async () => {
    const subscription = collect(wsClient(app.url, tokens.executive), { query: PROGRESS_CHANGED, variables: { goalId: goal } });
    try {
      // It answers with the progress as it stands first, so from then on no change can slip by.
      await expectEventually(() =>
        expect(subscription.received).toContainEqual({
          goalProgressChanged: { goalId: goal, progress: { wonRevenue: '30000.00', wonDeals: 1, target: '100000.00' } },
        }),
      );
      clock.set('2026-02-15T00:00:00.000Z');

      // Feb 15: D5 is entered late: opened Jan 20, won Feb 5.
      await openDeal('D5', 'ENT', 'SALES', '20000.00', '2026-01-20T00:00:00.000Z', '2026-02-28');
      await win('D5', '2026-02-05T00:00:00.000Z');

      await expectEventually(() =>
        expect(subscription.received).toContainEqual({
          goalProgressChanged: { goalId: goal, progress: { wonRevenue: '50000.00', wonDeals: 2, target: '100000.00' } },
        }),
      );
      expect(subscription.errors).toEqual([]);
    } finally {
      await subscription.stop();
    }
  });

  it('answers progress at T1 unchanged after the late win, and counts it from when it was recorded', async () => {
    clock.set('2026-02-20T00:00:00.000Z');
    await mutate('reviseGoalTarget', { goalId: goal, target: '120000.00', reason: 'Expansion budget approved' }, tokens.executive, 'id');
    clock.set(NOW);

    const atT1 = await progress(T1);
    expect(atT1).toMatchObject({ asOf: T1, target: '100000.00', wonRevenue: '30000.00', wonDeals: 1, lostDeals: 1 });

    const afterLateWin = await progress(AFTER_LATE_WIN);
    expect(afterLateWin).toMatchObject({ target: '100000.00', wonRevenue: '50000.00', wonDeals: 2, attainment: 0.5, onPace: false, remaining: '50000.00' }); // 0.5 < 46/90
    expect(afterLateWin['expectedAttainment']).toBeCloseTo(46 / 90, 10);

    const now = await progress();
    expect(now).toMatchObject({
      asOf: NOW,
      target: '120000.00',
      wonRevenue: '50000.00',
      wonDeals: 2,
      lostDeals: 1,
      remaining: '70000.00',
      openPipeline: '50000.00',
      requiredCoverage: 1.5,
      credit: [
        { team: 'MARKETING', creditedRevenue: '50000.00', creditedWins: 2, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
        { team: 'SALES', creditedRevenue: '50000.00', creditedWins: 2, sourcedRevenue: '20000.00', influencedRevenue: '30000.00' },
      ],
    });
    expect(now['attainment']).toBeCloseTo(50000 / 120000, 10);
    expect(now['winRate']).toBeCloseTo(2 / 3, 10);
    expect(now['expectedAttainment']).toBeCloseTo(55 / 90, 10);
  });

  it('splits goal credit by the chosen model (LINEAR: D1 3/4 marketing, D5 all sales)', async () => {
    const linear = await progress(undefined, 'LINEAR');
    expect(linear['model']).toBe('LINEAR');
    expect(linear['credit']).toEqual([
      { team: 'MARKETING', creditedRevenue: '22500.00', creditedWins: 0.75, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
      { team: 'SALES', creditedRevenue: '27500.00', creditedWins: 1.25, sourcedRevenue: '20000.00', influencedRevenue: '30000.00' },
    ]);
  });

  it('refuses progress before the goal was proposed, naming asOf', async () => {
    const response = await gql(app.url, GOAL_PROGRESS, { id: goal, asOf: '2026-01-04T00:00:00.000Z' }, tokens.executive);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
  });

  // D1's path: M1 (Jan 5), creation/MARKETING (Jan 10), S1 (Jan 20), M2 (Jan 31); S2 is after the
  // close. D4's path: creation/SALES (Jan 25), M (Jan 26). D5's path: creation/SALES only.
  it.each([
    // SHARED: every win counts whole for both teams.
    ['SHARED', ['57000.00', 3], ['57000.00', 3]],
    // D1 → M1 (M); D4 → creation (S); D5 → S.
    ['FIRST_TOUCH', ['30000.00', 1], ['27000.00', 2]],
    // D1 → M2 (M); D4 → the touch (M); D5 → S.
    ['LAST_TOUCH', ['37000.00', 2], ['20000.00', 1]],
    // D1 3/4 : 1/4 = 22500 : 7500; D4 1/2 : 1/2; D5 S.
    ['LINEAR', ['26000.00', 1.25], ['31000.00', 1.75]],
    // D1 0.4 + 0.1 + 0.4 : 0.1 = 27000 : 3000; D4 0.4 : 0.4 → halves; D5 S.
    ['U_SHAPED', ['30500.00', 1.4], ['26500.00', 1.6]],
    // D1 first 0.3 + creation 0.3 + last 0.3 : rest 0.1 = 27000 : 3000; D4 creation is also first
    // (0.6) : last 0.3 → 4666.666… : 2333.333… → S 4666.67 by the larger remainder; D5 S.
    ['W_SHAPED', ['29333.33', 0.9 + 1 / 3], ['27666.67', 0.1 + 2 / 3 + 1]],
    // D1 2^(-27/7)+2^(-22/7)+2^(-1/7) : 2^(-12/7) → 23435.330… : 6564.669… → 23435.33 : 6564.67;
    // D4 2^(-8/7) : 2^(-1) → S 3326.854… : M 3673.145… → the cent to M (.145 vs .854 remainders:
    // 332685.46 and 367314.53 minor units, .53 is larger) → S 3326.85, M 3673.15; D5 S.
    ['TIME_DECAY', ['27108.48', 1.305912745], ['29891.52', 1.694087255]],
  ] as const)('credits the quarter under %s', async (model, [marketingRevenue, marketingWins], [salesRevenue, salesWins]) => {
    const board = (await call(SCOREBOARD, { model }, tokens.executive))['scoreboard'];
    expect(board).toMatchObject({ from: '2026-01-01', to: '2026-03-31', model, wonRevenue: '57000.00', wonDeals: 3 });
    const [marketing, sales] = board['credit'];
    expect(marketing).toMatchObject({ team: 'MARKETING', creditedRevenue: marketingRevenue, sourcedRevenue: '30000.00', influencedRevenue: '37000.00' });
    expect(sales).toMatchObject({ team: 'SALES', creditedRevenue: salesRevenue, sourcedRevenue: '27000.00', influencedRevenue: '30000.00' });
    expect(marketing['creditedWins']).toBeCloseTo(marketingWins, 6);
    expect(sales['creditedWins']).toBeCloseTo(salesWins, 6);
  });

  it('reports recurring loss reasons with merges through chains, trend, agreement and competitors', async () => {
    const report = (await call(REASON_INSIGHTS, {}, tokens.marketing))['reasonInsights'];
    // Population Feb 1–28: D2 (10000), D7 (8000), D8 (5000). Previous window Jan 4–31: D6, D11.
    expect(report).toMatchObject({ kind: 'LOSS', from: '2026-02-01', to: '2026-02-28', segment: null, deals: 3, revenue: '23000.00' });
    const byCode = Object.fromEntries(report['reasons'].map((insight: Json) => [insight['reason']['code'], insight]));
    expect(report['reasons'].map((insight: Json) => insight['reason']['code'])).toEqual([
      'PRICE_TOO_HIGH', // 2 deals
      'UNCLEAR_VALUE', // 1 deal, 10000, U < W
      'WEAK_FOLLOW_UP',
      'BAD_TIMING', // 1 deal, 5000, B < N
      'NO_DECISION',
    ]);
    // D2 by its loss reason and both perspectives, D7 through OLD_A → OLD_B → PRICE_TOO_HIGH.
    expect(byCode['PRICE_TOO_HIGH']).toMatchObject({
      reason: { code: 'PRICE_TOO_HIGH' },
      deals: 2,
      revenue: '18000.00',
      previousDeals: 1,
      trend: 'RISING', // 2/3 − 1/2 > 0.05
      recurring: true,
      citedBy: [
        { team: 'MARKETING', perspectives: 1 },
        { team: 'SALES', perspectives: 1 },
      ],
      agreement: 1,
      competitors: [
        { competitor: 'Acme', deals: 1 },
        { competitor: 'Bolt', deals: 1 },
      ],
      lastSeenAt: '2026-02-06T00:00:00.000Z',
    });
    expect(byCode['PRICE_TOO_HIGH']['share']).toBeCloseTo(2 / 3, 10);
    expect(byCode['UNCLEAR_VALUE']).toMatchObject({ deals: 1, previousDeals: 0, trend: 'NEW', recurring: false, agreement: 0 });
    expect(byCode['BAD_TIMING']).toMatchObject({
      deals: 1,
      previousDeals: 1,
      trend: 'FALLING', // 1/3 − 1/2 < −0.05
      citedBy: [
        { team: 'MARKETING', perspectives: 0 },
        { team: 'SALES', perspectives: 1 },
      ],
      agreement: 0,
    });
    expect(byCode['NO_DECISION']).toMatchObject({ deals: 1, citedBy: [{ team: 'MARKETING', perspectives: 1 }, { team: 'SALES', perspectives: 0 }] });
    expect(report['recurring']).toEqual([{ reason: { code: 'PRICE_TOO_HIGH' } }]);

    const mid = (await call(REASON_INSIGHTS, { segment: 'MID' }, tokens.marketing))['reasonInsights'];
    expect(mid).toMatchObject({ segment: 'MID', deals: 2, revenue: '13000.00' });
    expect(mid['reasons'][0]).toMatchObject({ reason: { code: 'PRICE_TOO_HIGH' }, deals: 1, revenue: '8000.00', competitors: [{ competitor: 'Bolt', deals: 1 }] });
  });

  /** Every query of the quarter, as one instance answers them. */
  const answersAt = async (url: string) => ({
    atT1: await progress(T1, undefined, url),
    now: await progress(undefined, 'W_SHAPED', url),
    board: await callAt(url, SCOREBOARD, { model: 'TIME_DECAY' }, tokens.executive),
    insights: await callAt(url, REASON_INSIGHTS, {}, tokens.marketing),
    deals: await callAt(url, '{ deals(first: 200) { totalCount edges { cursor node { id status closures lossReason { code } touches { id } history { revision type at actor summary } retrospective { id status } } } } }', {}, tokens.sales),
    goals: await callAt(url, '{ sharedGoals { id status target endorsements { team by at } targetHistory { from to reason by at } } }', {}, tokens.sales),
    retros: await callAt(url, '{ retrospectives(first: 200) { totalCount edges { node { id status outcome deal { id } perspectives { team reasons { code } } agreedReasons { code } } } } pendingRetrospectives { id } }', {}, tokens.sales),
    reasons: await callAt(url, '{ reasons(includeRetired: true) { code retired mergedInto { code } } }', {}, tokens.sales),
  });

  describe('exported to NDJSON and imported into an empty store', () => {
    it('gives identical answers to every query of the quarter', async () => {
      const exported = join(mkdtempSync(join(tmpdir(), 'tandem-export-')), 'quarter.ndjson');
      const events = await exportLog(app.tandem.app.get<EventStore>(EVENT_STORE), exported);
      expect(readFileSync(exported, 'utf8').trimEnd().split('\n')).toHaveLength(events);

      const target = mkdtempSync(join(tmpdir(), 'tandem-import-'));
      const store = new SqliteEventStore(join(target, 'events.sqlite'), { synchronous: 'NORMAL' });
      try {
        expect(await importLog(store, exported)).toBe(events);
        // A second import would mix two histories: refused.
        await expect(importLog(store, exported)).rejects.toThrow(/not empty/);
      } finally {
        await store.close();
      }
      const imported = await startTestApp({}, target, { clock: new TestClock(new Date(clock.now()).toISOString()) });
      try {
        expect(await answersAt(imported.url)).toEqual(await answersAt(app.url));
      } finally {
        await imported.stop();
        rmSync(dirname(exported), { recursive: true, force: true });
      }
    });
  });

  describe('after rebuilding every read model from the log', () => {
    const answers = () => answersAt(app.url);

    it('holds the same rows and gives the same answers', async () => {
      const before = await answers();
      const rowsBefore = dumpReadModels(app.dataDir);
      await app.stop({ keepData: true });

      const config = loadConfig({ DATA_DIR: app.dataDir, AUTH_JWT_SECRET: TEST_SECRET, NODE_ENV: 'test' });
      const states = await rebuildProjections(config, pino({ level: 'silent' }));
      expect(states.every((state) => state.status === 'stopped')).toBe(true);
      expect(dumpReadModels(app.dataDir)).toEqual(rowsBefore);

      app = await startTestApp({}, app.dataDir, { clock });
      expect(await answers()).toEqual(before);
    });
  });
});

/** Every projected row, table by table, in a stable order; progress bookkeeping left out. */
function dumpReadModels(dataDir: string): Record<string, unknown[]> {
  const db = openSqliteDatabase(join(dataDir, 'read-models.sqlite'), { synchronous: 'NORMAL' });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'projection_checkpoints' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => `"${column.name}"`);
        return [table, db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}
