import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { queryPlans, record, type SpecEvent } from '#projections/testing';
import { AnswerCache } from '#projections';
import { currency } from '#shared';
import type { DealEvent } from '#deals';
import type { RetrospectiveEvent } from '#retrospectives';
import { dateWindow, type ReasonKind } from '../../domain/index.js';
import { citationsProjection, INSIGHT_CLOSURE_CODES_TABLE, INSIGHT_CLOSURES_TABLE } from '../citations/citations.projection.js';
import { ReasonInsightsReader } from './reason-insights.reader.js';

type Event = DealEvent | RetrospectiveEvent;

function closedWithRetrospective(index: number): SpecEvent<Event>[] {
  const dealId = `d${index}`;
  const closedAt = `2025-${String((index % 12) + 1).padStart(2, '0')}-10T00:00:00.000Z`;
  const metadata = { actor: 'u', team: 'SALES', recordedAt: closedAt, correlationId: 'c', causationId: 'c' };
  const deal = (event: DealEvent): SpecEvent<Event> => ({ ...event, stream: `deal-${dealId}`, metadata });
  const retro = (event: RetrospectiveEvent): SpecEvent<Event> => ({ ...event, stream: `retrospective-r${index}`, metadata });
  return [
    deal({
      type: 'DealOpened',
      data: { dealId, title: 't', account: 'a', segment: index % 2 ? 'ENT' : 'SMB', source: 'SALES', owner: 'o', amountMinor: 1_000, currency: 'USD', expectedCloseDate: null, openedAt: closedAt },
    }),
    deal({ type: 'DealLost', data: { dealId, closure: 1, amountMinor: 1_000, closedAt, reasonCode: 'PRICE_TOO_HIGH', competitor: 'Acme', fromStage: 'QUALIFICATION' } }),
    retro({ type: 'RetrospectiveOpened', data: { retrospectiveId: `r${index}`, dealId, closure: 1, outcome: 'LOST', closedAt, openedAt: closedAt } }),
    retro({ type: 'PerspectiveFiled', data: { retrospectiveId: `r${index}`, team: 'SALES', author: 's', reasonCodes: ['BAD_TIMING'], notes: null, filedAt: closedAt } }),
  ];
}

describe('ReasonInsightsReader', () => {
  let db: SqliteDatabase;
  let reader: ReasonInsightsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    citationsProjection.setup(db);
    db.transaction(() => {
      for (const event of record(Array.from({ length: 300 }, (_, index) => closedWithRetrospective(index)).flat())) {
        if (citationsProjection.eventTypes.includes(event.type)) citationsProjection.handle(event, db);
      }
    })();
    db.prepare('ANALYZE').run();
    reader = new ReasonInsightsReader(db, currency('USD'), AnswerCache.disabled());
  });
  afterEach(() => {
    db.close();
  });

  it.each<[string, string | null, ReasonKind]>([
    ['losses in every segment', null, 'LOSS'],
    ['wins in one segment', 'ENT', 'WIN'],
  ])('reads only the standing closures of the span and their codes, through indexes: %s', (_name, segment, kind) => {
    const plan = queryPlans(
      db,
      () => reader.reasonReport({ kind, window: dateWindow('2025-04-01', '2025-06-30'), segment, minOccurrences: 2 }),
      { outcome: 'LOST', start: 0, end: 1, segment: 'ENT' },
    );
    expect(plan).toMatch(new RegExp(`SEARCH c USING INDEX ${INSIGHT_CLOSURES_TABLE}_standing`));
    expect(plan).toMatch(new RegExp(`SEARCH k USING (PRIMARY KEY|INDEX sqlite_autoindex_${INSIGHT_CLOSURE_CODES_TABLE})`));
    expect(plan).not.toMatch(/SCAN c\b|SCAN k\b/);
  });

  it('counts the deals closed in the window, and their reasons', () => {
    // d3 closes in April, d4 in May, d5 in June (index % 12 + 1), and so on every twelve.
    const report = reader.reasonReport({ kind: 'LOSS', window: dateWindow('2025-04-01', '2025-06-30'), segment: null, minOccurrences: 2 });
    expect(report.deals).toBe(75);
    expect(report.reasons.map((reason) => [reason.code, reason.deals])).toEqual([
      ['BAD_TIMING', 75],
      ['PRICE_TOO_HIGH', 75],
    ]);
  });
});
