import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { AnswerCache } from '#projections';
import { queryPlans, record, type SpecEvent } from '#projections/testing';
import type { DealEvent } from '#deals';
import { ATTRIBUTION_MODELS, dateWindow } from '../../domain/index.js';
import { dealFactsProjection, INSIGHT_DEAL_FACTS_TABLE } from './deal-facts.projection.js';
import { DealFactsReader, type FactsScope } from './deal-facts.reader.js';

const won = (dealId: string, amountMinor: number, closedAt: string): SpecEvent<DealEvent>[] => {
  const metadata = { actor: 'u', team: 'SALES', recordedAt: closedAt, correlationId: 'c', causationId: 'c' };
  return [
    {
      type: 'DealOpened',
      stream: `deal-${dealId}`,
      metadata,
      data: { dealId, title: 't', account: 'a', segment: 'ENT', source: 'SALES', owner: 'o', amountMinor, currency: 'USD', expectedCloseDate: null, openedAt: closedAt },
    },
    { type: 'DealWon', stream: `deal-${dealId}`, metadata, data: { dealId, closure: 1, amountMinor, closedAt, fromStage: 'QUALIFICATION' } },
  ];
};

describe('DealFactsReader', () => {
  let db: SqliteDatabase;
  let reader: DealFactsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    dealFactsProjection.setup(db);
    reader = new DealFactsReader(db, AnswerCache.disabled());
  });
  afterEach(() => {
    db.close();
  });

  const project = (...events: SpecEvent<DealEvent>[]) =>
    db.transaction(() => {
      for (const event of record(events)) dealFactsProjection.handle(event, db);
    })();

  const quarter = dateWindow('2026-01-01', '2026-03-31');

  describe('reads only the versions in scope, through an index', () => {
    // Enough rows that the planner weighs its options as it would on a real read model.
    beforeEach(() => {
      project(...Array.from({ length: 300 }, (_, index) => won(`d${index}`, 1_000 + index, `2025-${String((index % 12) + 1).padStart(2, '0')}-10T00:00:00.000Z`)).flat());
      db.prepare('ANALYZE').run();
    });

    const scopes: [string, FactsScope][] = [
      ['now, every segment', { window: quarter, segment: null, asOf: null, model: 'SHARED' }],
      ['now, one segment', { window: quarter, segment: 'ENT', asOf: null, model: 'LINEAR' }],
      ['as of a moment, every segment', { window: quarter, segment: null, asOf: Date.parse('2026-02-01T00:00:00Z'), model: 'TIME_DECAY' }],
      ['as of a moment, one segment', { window: quarter, segment: 'ENT', asOf: Date.parse('2026-02-01T00:00:00Z'), model: 'W_SHAPED' }],
    ];

    it.each(scopes)('%s', (_name, scope) => {
      const plan = queryPlans(db, () => reader.totals(scope), { start: 0, end: 1, segment: 'ENT', asOf: 0 });
      expect(plan).toMatch(/USING INDEX insight_deal_facts_by_(segment_)?scope/);
      expect(plan).not.toMatch(new RegExp(`SCAN ${INSIGHT_DEAL_FACTS_TABLE}\\b(?! USING)`));
    });
  });

  it('adds up amounts beyond what SQLite integers hold, exactly', () => {
    project(...won('a', 1_000, '2026-02-01T00:00:00.000Z'), ...won('b', 2_000, '2026-02-02T00:00:00.000Z'));
    // Amounts no command accepts, written straight in: the sum passes 2^63.
    db.prepare(`UPDATE ${INSIGHT_DEAL_FACTS_TABLE} SET amount_minor = 6000000000000000000, linear_sales_minor = 6000000000000000000`).run();
    for (const model of ATTRIBUTION_MODELS) {
      const totals = reader.totals({ window: quarter, segment: null, asOf: null, model });
      expect(totals.wonRevenueMinor).toBe(12_000_000_000_000_000_000n);
      expect(totals.wonDeals).toBe(2);
      expect(totals.credit.find((row) => row.team === 'SALES')?.sourcedRevenueMinor).toBe(12_000_000_000_000_000_000n);
    }
    expect(reader.totals({ window: quarter, segment: null, asOf: null, model: 'LINEAR' }).credit[1]).toMatchObject({
      creditedRevenueMinor: 12_000_000_000_000_000_000n,
      // Two SALES-sourced deals without touches: all of each win is SALES'.
      creditedWins: 2,
    });
  });
});
