import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { AnswerCache } from '#projections';
import { record, type SpecEvent } from '#projections/testing';
import { currency, type Team } from '#shared';
import type { DealEvent } from '#deals';
import type { RetrospectiveEvent } from '#retrospectives';
import type { ReasonEvent } from '#reasons';
import { dateWindow, type AttributionModel } from '../domain/index.js';
import { citationsProjection } from './citations/citations.projection.js';
import { dealFactsProjection } from './deal-facts/deal-facts.projection.js';
import { DealFactsReader } from './deal-facts/deal-facts.reader.js';
import { GoalProgressReader, type GoalScope } from './goal-progress/goal-progress.reader.js';
import { ReasonInsightsReader } from './reason-insights/reason-insights.reader.js';
import { ScoreboardReader } from './scoreboard/scoreboard.reader.js';

// One quarter recorded event by event, with when each event was recorded. Every expected figure
// below is worked out by hand from PRODUCT.md §4; the derivations are beside them.
//
// ENT: D1 won Feb 1 10:00 (30000, MARKETING-sourced; touches M1 Jan 5, S1 Jan 20, M2 Jan 31, and S2
// Feb 1 12:00 after the close), D2 lost Feb 3 (10000, PRICE_TOO_HIGH, Acme), D3 open (50000,
// expected Mar 20), D5 won Feb 5 (20000, SALES-sourced) but only recorded on Feb 15, with a
// MARKETING touch of Feb 1 recorded on Feb 20. SMB: D4 won Feb 2 (7000, SALES-sourced, marketing
// touch Jan 26). MID losses: D6 Jan 20 BAD_TIMING, D11 Jan 25 PRICE_TOO_HIGH, D7 Feb 6 OLD_A
// (Bolt; OLD_A → OLD_B → PRICE_TOO_HIGH), D8 Feb 8 NO_DECISION, D9 Feb 10 CHAMPION_LEFT but reopened.

type Event = DealEvent | RetrospectiveEvent | ReasonEvent;

const events: SpecEvent<Event>[] = [];
let recordedAt = '';
const at = (iso: string): void => {
  recordedAt = iso;
};
const add = (stream: string, event: Event): void => {
  events.push({ ...event, stream, metadata: { actor: 'u', team: 'SALES', recordedAt, correlationId: 'c', causationId: 'c' } });
};
const open = (dealId: string, segment: string, source: Team, amountMinor: number, openedAt: string, expectedCloseDate: string | null = null) =>
  add(`deal-${dealId}`, {
    type: 'DealOpened',
    data: { dealId, title: dealId, account: 'A', segment, source, owner: 'ava', amountMinor, currency: 'USD', expectedCloseDate, openedAt },
  });
const touch = (dealId: string, touchId: string, team: Team, occurredAt: string) =>
  add(`deal-${dealId}`, { type: 'DealTouchRecorded', data: { dealId, touchId, team, channel: 'c', campaign: null, occurredAt } });
const win = (dealId: string, amountMinor: number, closedAt: string) =>
  add(`deal-${dealId}`, { type: 'DealWon', data: { dealId, closure: 1, amountMinor, closedAt, fromStage: 'PROPOSAL' } });
const lose = (dealId: string, amountMinor: number, reasonCode: string, closedAt: string, competitor: string | null = null) =>
  add(`deal-${dealId}`, { type: 'DealLost', data: { dealId, closure: 1, amountMinor, closedAt, reasonCode, competitor, fromStage: 'PROPOSAL' } });
const retrospective = (dealId: string, marketing: string[], sales: string[], agreed: string[]) => {
  const retrospectiveId = `retro-${dealId}`;
  const stream = `retrospective-${retrospectiveId}`;
  add(stream, { type: 'RetrospectiveOpened', data: { retrospectiveId, dealId, closure: 1, outcome: 'LOST', closedAt: recordedAt, openedAt: recordedAt } });
  add(stream, { type: 'PerspectiveFiled', data: { retrospectiveId, team: 'MARKETING', author: 'm', reasonCodes: marketing, notes: null, filedAt: recordedAt } });
  add(stream, { type: 'PerspectiveFiled', data: { retrospectiveId, team: 'SALES', author: 's', reasonCodes: sales, notes: null, filedAt: recordedAt } });
  add(stream, { type: 'RetrospectiveConcluded', data: { retrospectiveId, agreedReasonCodes: agreed, summary: 's', concludedBy: 's', concludedAt: recordedAt } });
};

at('2026-01-10T10:00:00.000Z');
open('D1', 'ENT', 'MARKETING', 3_000_000, '2026-01-10T10:00:00.000Z', '2026-03-15');
touch('D1', 'D1-M1', 'MARKETING', '2026-01-05T10:00:00.000Z');
open('D2', 'ENT', 'SALES', 1_000_000, '2026-01-10T09:00:00.000Z', '2026-02-28');
at('2026-01-15T12:00:00.000Z');
open('D3', 'ENT', 'SALES', 5_000_000, '2026-01-15T10:00:00.000Z', '2026-03-20');
at('2026-01-20T10:00:00.000Z');
touch('D1', 'D1-S1', 'SALES', '2026-01-20T10:00:00.000Z');
open('D6', 'MID', 'SALES', 400_000, '2026-01-18T00:00:00.000Z');
lose('D6', 400_000, 'BAD_TIMING', '2026-01-20T09:00:00.000Z');
at('2026-01-26T12:00:00.000Z');
open('D11', 'MID', 'SALES', 600_000, '2026-01-19T00:00:00.000Z');
lose('D11', 600_000, 'PRICE_TOO_HIGH', '2026-01-25T10:00:00.000Z');
open('D4', 'SMB', 'SALES', 700_000, '2026-01-25T00:00:00.000Z');
touch('D4', 'D4-M1', 'MARKETING', '2026-01-26T00:00:00.000Z');
at('2026-02-02T00:00:00.000Z');
touch('D1', 'D1-M2', 'MARKETING', '2026-01-31T10:00:00.000Z');
touch('D1', 'D1-S2', 'SALES', '2026-02-01T12:00:00.000Z');
win('D1', 3_000_000, '2026-02-01T10:00:00.000Z');
win('D4', 700_000, '2026-02-02T00:00:00.000Z');
at('2026-02-08T12:00:00.000Z');
lose('D2', 1_000_000, 'PRICE_TOO_HIGH', '2026-02-03T00:00:00.000Z', 'Acme');
open('D7', 'MID', 'SALES', 800_000, '2026-02-01T00:00:00.000Z');
lose('D7', 800_000, 'OLD_A', '2026-02-06T00:00:00.000Z', 'Bolt');
open('D8', 'MID', 'SALES', 500_000, '2026-02-01T00:00:00.000Z');
lose('D8', 500_000, 'NO_DECISION', '2026-02-08T00:00:00.000Z');
add('reasons', { type: 'ReasonsMerged', data: { from: 'OLD_A', into: 'OLD_B' } });
add('reasons', { type: 'ReasonsMerged', data: { from: 'OLD_B', into: 'PRICE_TOO_HIGH' } });
retrospective('D2', ['PRICE_TOO_HIGH', 'UNCLEAR_VALUE'], ['PRICE_TOO_HIGH', 'WEAK_FOLLOW_UP'], ['PRICE_TOO_HIGH']);
retrospective('D8', ['NO_DECISION'], ['BAD_TIMING'], ['NO_DECISION']);
at('2026-02-10T12:00:00.000Z');
open('D9', 'MID', 'SALES', 900_000, '2026-02-01T00:00:00.000Z');
lose('D9', 900_000, 'CHAMPION_LEFT', '2026-02-10T00:00:00.000Z');
add('deal-D9', { type: 'DealReopened', data: { dealId: 'D9', closure: 1, stage: 'PROPOSAL', note: null, reopenedAt: recordedAt } });
at('2026-02-15T09:00:00.000Z');
open('D5', 'ENT', 'SALES', 2_000_000, '2026-01-20T00:00:00.000Z', '2026-02-28');
at('2026-02-15T09:01:00.000Z');
win('D5', 2_000_000, '2026-02-05T00:00:00.000Z');
at('2026-02-20T00:00:00.000Z');
touch('D5', 'D5-M1', 'MARKETING', '2026-02-01T00:00:00.000Z');

const goal: GoalScope = { periodStart: '2026-01-01', periodEnd: '2026-03-31', targetMinor: 10_000_000n, segment: 'ENT' };
const ms = (iso: string) => Date.parse(iso);

describe('the insights readers on a real SQLite read model fed by both projections', () => {
  let db: SqliteDatabase;
  let reader: Pick<GoalProgressReader, 'goalProgress'> & Pick<ScoreboardReader, 'scoreboard'> & Pick<ReasonInsightsReader, 'reasonReport'>;

  beforeAll(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    const projections = [dealFactsProjection, citationsProjection];
    for (const projection of projections) projection.setup(db);
    db.transaction(() => {
      for (const event of record(events)) {
        for (const projection of projections) if (projection.eventTypes.includes(event.type)) projection.handle(event, db);
      }
    })();
    const usd = currency('USD');
    const facts = new DealFactsReader(db, AnswerCache.disabled());
    const progress = new GoalProgressReader(facts, usd);
    const scoreboard = new ScoreboardReader(facts, usd);
    const reasons = new ReasonInsightsReader(db, usd, AnswerCache.disabled());
    reader = {
      goalProgress: (...args) => progress.goalProgress(...args),
      scoreboard: (...args) => scoreboard.scoreboard(...args),
      reasonReport: (...args) => reasons.reasonReport(...args),
    };
  });
  afterAll(() => {
    db.close();
  });

  describe('goalProgress, as of a moment', () => {
    it('counts on Feb 10 only what was recorded by then: D1 won, D2 lost, D3 in the pipeline', () => {
      const progress = reader.goalProgress(goal, ms('2026-02-10T00:00:00.000Z'), 'SHARED');

      expect(progress).toEqual({
        asOf: '2026-02-10T00:00:00.000Z',
        model: 'SHARED',
        target: '100000.00',
        wonRevenue: '30000.00',
        wonDeals: 1,
        lostDeals: 1,
        attainment: 0.3,
        expectedAttainment: 40 / 90,
        onPace: false, // 0.3 < 40/90
        remaining: '70000.00',
        openPipeline: '50000.00', // D3; D2 expected in Feb but lost
        pipelineCoverage: 50_000 / 70_000,
        winRate: 0.5,
        requiredCoverage: 2,
        credit: [
          { team: 'MARKETING', creditedRevenue: '30000.00', creditedWins: 1, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
          { team: 'SALES', creditedRevenue: '30000.00', creditedWins: 1, sourcedRevenue: '0.00', influencedRevenue: '30000.00' },
        ],
      });
    });

    it('shows the late-entered D5 as open pipeline between its two writes, and won after', () => {
      const between = reader.goalProgress(goal, ms('2026-02-15T09:00:30.000Z'), 'SHARED');
      const after = reader.goalProgress(goal, ms('2026-02-16T00:00:00.000Z'), 'SHARED');

      expect(between).toMatchObject({ wonRevenue: '30000.00', wonDeals: 1, openPipeline: '70000.00' });
      expect(after).toMatchObject({
        wonRevenue: '50000.00',
        wonDeals: 2,
        lostDeals: 1,
        attainment: 0.5,
        expectedAttainment: 46 / 90,
        onPace: false, // 0.5 < 46/90
        remaining: '50000.00',
        openPipeline: '50000.00',
        winRate: 2 / 3,
        requiredCoverage: 1.5,
      });
    });

    it('credits a late-recorded touch only from when it was recorded (LINEAR)', () => {
      // D1's path M1 M, creation M, S1 S, M2 M → 3/4 M; D5 creation S, then M touch from Feb 20 on
      const before = reader.goalProgress(goal, ms('2026-02-16T00:00:00.000Z'), 'LINEAR');
      const after = reader.goalProgress(goal, ms('2026-02-21T00:00:00.000Z'), 'LINEAR');

      expect(before.credit).toEqual([
        { team: 'MARKETING', creditedRevenue: '22500.00', creditedWins: 0.75, sourcedRevenue: '30000.00', influencedRevenue: '30000.00' },
        { team: 'SALES', creditedRevenue: '27500.00', creditedWins: 1.25, sourcedRevenue: '20000.00', influencedRevenue: '30000.00' },
      ]);
      expect(after.credit).toEqual([
        { team: 'MARKETING', creditedRevenue: '32500.00', creditedWins: 1.25, sourcedRevenue: '30000.00', influencedRevenue: '50000.00' },
        { team: 'SALES', creditedRevenue: '17500.00', creditedWins: 0.75, sourcedRevenue: '20000.00', influencedRevenue: '30000.00' },
      ]);
    });

    it('counts every segment when the goal has none', () => {
      // D1 + D4 + D5 won; D2, D6, D11, D7, D8 lost in the period; D9 reopened counts as open
      const progress = reader.goalProgress({ ...goal, segment: null }, ms('2026-03-01T00:00:00.000Z'), 'SHARED');

      expect(progress).toMatchObject({ wonRevenue: '57000.00', wonDeals: 3, lostDeals: 5, openPipeline: '50000.00' });
    });
  });

  describe('scoreboard over Jan 1 – Mar 31, as the deals stand now', () => {
    const window = dateWindow('2026-01-01', '2026-03-31');
    // Paths: D1 M1 M, creation M, S1 S, M2 M (S2 after the close); D4 creation S, M; D5 creation S, M.
    it.each<[AttributionModel, [string, number], [string, number]]>([
      ['SHARED', ['57000.00', 3], ['57000.00', 3]],
      // D1 → M; D4 → S; D5 → S
      ['FIRST_TOUCH', ['30000.00', 1], ['27000.00', 2]],
      // D1 → M2; D4 → M; D5 → M
      ['LAST_TOUCH', ['57000.00', 3], ['0.00', 0]],
      // D1 22500 : 7500; D4 3500 : 3500; D5 10000 : 10000
      ['LINEAR', ['36000.00', 1.75], ['21000.00', 1.25]],
      // D1 0.4 + 0.1 + 0.4 : 0.1 → 27000 : 3000; two-element paths split in halves
      ['U_SHAPED', ['40500.00', 1.9], ['16500.00', 1.1]],
      // D1 0.9 : 0.1; D4 creation is first too: S 2/3 → 4666.67 (.67) : M 2333.33;
      // D5 the same split of 20000: S 13333.33, M 6666.67 (M's .67 takes the cent)
      ['W_SHAPED', ['36000.00', 0.9 + 2 / 3], ['21000.00', 0.1 + 4 / 3]],
      // D1 2^(−27/7)+2^(−22/7)+2^(−1/7) : 2^(−12/7) → 23435.33 : 6564.67 (.088 vs .912);
      // D4 2^(−1) : 2^(−8/7) → 3673.15 : 3326.85 (.534 vs .466);
      // D5 2^(−4/7) : 2^(−16/7) → 15328.57 : 4671.43 (.691 vs .309)
      ['TIME_DECAY', ['42437.05', 2.0723410904], ['14562.95', 0.9276589096]],
    ])('credits the quarter under %s', (model, [marketingRevenue, marketingWins], [salesRevenue, salesWins]) => {
      const board = reader.scoreboard(window, model);

      expect(board).toMatchObject({ from: '2026-01-01', to: '2026-03-31', model, wonRevenue: '57000.00', wonDeals: 3 });
      const [marketing, sales] = board.credit;
      expect(marketing).toMatchObject({ team: 'MARKETING', creditedRevenue: marketingRevenue, sourcedRevenue: '30000.00', influencedRevenue: '57000.00' });
      expect(sales).toMatchObject({ team: 'SALES', creditedRevenue: salesRevenue, sourcedRevenue: '27000.00', influencedRevenue: '30000.00' });
      expect(marketing!.creditedWins).toBeCloseTo(marketingWins, 9);
      expect(sales!.creditedWins).toBeCloseTo(salesWins, 9);
    });

    it('counts only the wins closed inside the window', () => {
      expect(reader.scoreboard(dateWindow('2026-02-01', '2026-02-01'), 'SHARED')).toMatchObject({ wonRevenue: '30000.00', wonDeals: 1 });
      expect(reader.scoreboard(dateWindow('2026-02-02', '2026-02-04'), 'SHARED')).toMatchObject({ wonRevenue: '7000.00', wonDeals: 1 });
      expect(reader.scoreboard(dateWindow('2026-04-01', '2026-04-30'), 'SHARED')).toMatchObject({ wonRevenue: '0.00', wonDeals: 0 });
    });
  });

  describe('reasonReport', () => {
    const february = { kind: 'LOSS' as const, window: dateWindow('2026-02-01', '2026-02-28'), segment: null, minOccurrences: 2 };

    it('reports loss reasons through a merge chain, with trend, agreement and competitors', () => {
      // Population Feb 1–28: D2 (10000), D7 (8000), D8 (5000); D9 was reopened. Previous window
      // Jan 4–31: D6 BAD_TIMING, D11 PRICE_TOO_HIGH.
      const report = reader.reasonReport(february);

      expect(report).toMatchObject({ kind: 'LOSS', from: '2026-02-01', to: '2026-02-28', segment: null, deals: 3, revenue: '23000.00' });
      expect(report.reasons.map((insight) => insight.code)).toEqual([
        'PRICE_TOO_HIGH', // 2 deals
        'UNCLEAR_VALUE', // 1 deal of 10000; U before W
        'WEAK_FOLLOW_UP',
        'BAD_TIMING', // 1 deal of 5000; B before N
        'NO_DECISION',
      ]);
      const [price, unclear, , timing, noDecision] = report.reasons;
      expect(price).toEqual({
        code: 'PRICE_TOO_HIGH',
        deals: 2, // D2 by its loss reason and perspectives, D7 by OLD_A → OLD_B → PRICE_TOO_HIGH
        share: 2 / 3,
        revenue: '18000.00',
        previousDeals: 1,
        trend: 'RISING', // 2/3 − 1/2 > 0.05
        recurring: true,
        citedBy: [
          { team: 'MARKETING', perspectives: 1 },
          { team: 'SALES', perspectives: 1 },
        ],
        agreement: 1, // D2 is the only citing deal with both perspectives, and both cite it
        competitors: [
          { competitor: 'Acme', deals: 1 },
          { competitor: 'Bolt', deals: 1 },
        ],
        lastSeenAt: '2026-02-06T00:00:00.000Z',
      });
      expect(unclear).toMatchObject({ deals: 1, previousDeals: 0, trend: 'NEW', recurring: false, agreement: 0 });
      expect(timing).toMatchObject({
        deals: 1,
        previousDeals: 1,
        trend: 'FALLING', // 1/3 − 1/2 < −0.05
        citedBy: [
          { team: 'MARKETING', perspectives: 0 },
          { team: 'SALES', perspectives: 1 },
        ],
        agreement: 0,
        competitors: [],
      });
      expect(noDecision).toMatchObject({ deals: 1, citedBy: [{ team: 'MARKETING', perspectives: 1 }, { team: 'SALES', perspectives: 0 }] });
      expect(report.recurring.map((insight) => insight.code)).toEqual(['PRICE_TOO_HIGH']);
    });

    it('narrows to a segment and lowers the recurring bar with minOccurrences', () => {
      const mid = reader.reasonReport({ ...february, segment: 'MID', minOccurrences: 1 });

      // D7 (8000, OLD_A → PRICE_TOO_HIGH) and D8 (5000); previous window D6 and D11, both MID
      expect(mid).toMatchObject({ segment: 'MID', deals: 2, revenue: '13000.00' });
      expect(mid.reasons.map((insight) => [insight.code, insight.deals, insight.revenue, insight.trend])).toEqual([
        ['PRICE_TOO_HIGH', 1, '8000.00', 'STEADY'], // 1/2 − 1/2
        ['BAD_TIMING', 1, '5000.00', 'STEADY'],
        ['NO_DECISION', 1, '5000.00', 'NEW'],
      ]);
      expect(mid.recurring).toHaveLength(3);
    });

    it('reports win reasons over deals now won, none cited without retrospectives', () => {
      const wins = reader.reasonReport({ ...february, kind: 'WIN', window: dateWindow('2026-01-01', '2026-03-31') });

      expect(wins).toEqual({ kind: 'WIN', from: '2026-01-01', to: '2026-03-31', segment: null, deals: 3, revenue: '57000.00', reasons: [], recurring: [] });
    });
  });
});
