import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, type SpecEvent } from '#projections/testing';
import type { DealEvent } from '#deals';
import type { RetrospectiveEvent } from '#retrospectives';
import type { ReasonEvent } from '#reasons';
import {
  citationsProjection,
  INSIGHT_CITED_DEALS_TABLE,
  INSIGHT_CLOSURE_CODES_TABLE,
  INSIGHT_CLOSURES_TABLE,
  INSIGHT_REASON_MERGES_TABLE,
  INSIGHT_RETROSPECTIVES_TABLE,
} from './citations.projection.js';

type Event = DealEvent | RetrospectiveEvent | ReasonEvent;
const spec = projectionSpec<Event>(citationsProjection);

const metadata = { actor: 'u', team: 'SALES', recordedAt: '2026-02-10T00:00:00.000Z', correlationId: 'c', causationId: 'c' };
const on = (stream: string, event: Event): SpecEvent<Event> => ({ ...event, stream, metadata });

const opened = (dealId: string, segment: string | null = 'MID') =>
  on(`deal-${dealId}`, {
    type: 'DealOpened',
    data: { dealId, title: 'T', account: 'A', segment, source: 'SALES', owner: 'o', amountMinor: 500_000, currency: 'USD', expectedCloseDate: null, openedAt: '2026-01-01T00:00:00.000Z' },
  });
const lost = (dealId: string, closure: number, closedAt: string, reasonCode: string, competitor: string | null = null) =>
  on(`deal-${dealId}`, {
    type: 'DealLost',
    data: { dealId, closure, amountMinor: 500_000, closedAt, reasonCode, competitor, fromStage: 'PROPOSAL' },
  });
const won = (dealId: string, closure: number, closedAt: string) =>
  on(`deal-${dealId}`, { type: 'DealWon', data: { dealId, closure, amountMinor: 700_000, closedAt, fromStage: 'PROPOSAL' } });
const reopened = (dealId: string, closure: number) =>
  on(`deal-${dealId}`, { type: 'DealReopened', data: { dealId, closure, stage: 'PROPOSAL', note: null, reopenedAt: '2026-02-09T00:00:00.000Z' } });
const retroOpened = (retrospectiveId: string, dealId: string, closure: number, outcome: 'WON' | 'LOST') =>
  on(`retrospective-${retrospectiveId}`, {
    type: 'RetrospectiveOpened',
    data: { retrospectiveId, dealId, closure, outcome, closedAt: '2026-02-06T00:00:00.000Z', openedAt: '2026-02-10T00:00:00.000Z' },
  });
const filed = (retrospectiveId: string, team: 'MARKETING' | 'SALES', reasonCodes: string[]) =>
  on(`retrospective-${retrospectiveId}`, {
    type: 'PerspectiveFiled',
    data: { retrospectiveId, team, author: 'a', reasonCodes, notes: null, filedAt: '2026-02-10T00:00:00.000Z' },
  });
const concluded = (retrospectiveId: string, agreedReasonCodes: string[]) =>
  on(`retrospective-${retrospectiveId}`, {
    type: 'RetrospectiveConcluded',
    data: { retrospectiveId, agreedReasonCodes, summary: 's', concludedBy: 'a', concludedAt: '2026-02-11T00:00:00.000Z' },
  });
const merged = (from: string, into: string) => on('reasons', { type: 'ReasonsMerged', data: { from, into } });

const dump = (db: SqliteDatabase) => ({
  deals: db.prepare(`SELECT * FROM ${INSIGHT_CITED_DEALS_TABLE} ORDER BY deal_id`).all(),
  closures: db.prepare(`SELECT * FROM ${INSIGHT_CLOSURES_TABLE} ORDER BY deal_id, closure`).all(),
  retrospectives: db.prepare(`SELECT * FROM ${INSIGHT_RETROSPECTIVES_TABLE} ORDER BY retrospective_id`).all(),
  codes: db.prepare(`SELECT * FROM ${INSIGHT_CLOSURE_CODES_TABLE} ORDER BY deal_id, closure, code`).all(),
  merges: db.prepare(`SELECT * FROM ${INSIGHT_REASON_MERGES_TABLE} ORDER BY code`).all(),
});

describe('insights-citations projection', () => {
  it('keeps each closure with its loss reason and competitor, and the deal at its latest closure', () => {
    const deal = randomUUID();
    const rows = spec
      .given(opened(deal))
      .when(lost(deal, 1, '2026-02-06T00:00:00.000Z', 'OLD_A', 'Bolt'))
      .then(dump);

    expect(rows.deals).toEqual([{ deal_id: deal, segment: 'MID', latest_closure: 1 }]);
    expect(rows.closures).toEqual([
      {
        deal_id: deal,
        closure: 1,
        outcome: 'LOST',
        segment: 'MID',
        amount_minor: 500_000,
        closed_at_ms: Date.parse('2026-02-06T00:00:00.000Z'),
        loss_reason: 'OLD_A',
        competitor: 'Bolt',
        counts: 1,
        marketing_filed: 0,
        sales_filed: 0,
      },
    ]);
  });

  it('keeps an earlier closure when the deal is reopened and won, and marks the deal by the newer one', () => {
    const deal = randomUUID();
    const rows = spec
      .given(opened(deal), lost(deal, 1, '2026-02-06T00:00:00.000Z', 'PRICE_TOO_HIGH'), reopened(deal, 1))
      .when(won(deal, 2, '2026-02-20T00:00:00.000Z'))
      .then(dump);

    expect(rows.deals).toEqual([{ deal_id: deal, segment: 'MID', latest_closure: 2 }]);
    // The newer closure is the one that stands.
    expect(rows.closures.map((row) => [(row as { outcome: string }).outcome, (row as { counts: number }).counts])).toEqual([
      ['LOST', 0],
      ['WON', 1],
    ]);
  });

  it('shows a reopened deal as open, so its closure no longer counts', () => {
    const deal = randomUUID();
    const rows = spec.given(opened(deal), lost(deal, 1, '2026-02-06T00:00:00.000Z', 'PRICE_TOO_HIGH')).when(reopened(deal, 1)).then(dump);

    expect(rows.deals).toEqual([{ deal_id: deal, segment: 'MID', latest_closure: 1 }]);
    expect(rows.closures).toEqual([expect.objectContaining({ closure: 1, counts: 0 })]);
  });

  it("ties a retrospective to its closure, replaces a team's perspective when it files again, and keeps the agreed reasons", () => {
    const deal = randomUUID();
    const retro = randomUUID();
    const rows = spec
      .given(opened(deal), lost(deal, 1, '2026-02-06T00:00:00.000Z', 'PRICE_TOO_HIGH'), retroOpened(retro, deal, 1, 'LOST'))
      .when(
        filed(retro, 'MARKETING', ['UNCLEAR_VALUE']),
        filed(retro, 'SALES', ['PRICE_TOO_HIGH']),
        filed(retro, 'MARKETING', ['PRICE_TOO_HIGH', 'MISSING_FEATURE']),
        concluded(retro, ['PRICE_TOO_HIGH']),
      )
      .then(dump);

    expect(rows.retrospectives).toEqual([{ retrospective_id: retro, deal_id: deal, closure: 1 }]);
    expect(rows.closures).toEqual([expect.objectContaining({ closure: 1, marketing_filed: 1, sales_filed: 1 })]);
    // MARKETING's first perspective (UNCLEAR_VALUE) was replaced, so nobody cites it any more.
    expect(rows.codes).toEqual([
      { deal_id: deal, closure: 1, code: 'MISSING_FEATURE', by_marketing: 1, by_sales: 0, agreed: 0 },
      { deal_id: deal, closure: 1, code: 'PRICE_TOO_HIGH', by_marketing: 1, by_sales: 1, agreed: 1 },
    ]);
  });

  it('records merges as links, leaving chains to be resolved when read', () => {
    const rows = spec.given(merged('OLD_A', 'OLD_B')).when(merged('OLD_B', 'PRICE_TOO_HIGH')).then(dump);

    expect(rows.merges).toEqual([
      { code: 'OLD_A', merged_into: 'OLD_B' },
      { code: 'OLD_B', merged_into: 'PRICE_TOO_HIGH' },
    ]);
  });

  it('writes the same rows when every event is applied twice', () => {
    const deal = randomUUID();
    const retro = randomUUID();
    const history = [
      opened(deal),
      lost(deal, 1, '2026-02-06T00:00:00.000Z', 'PRICE_TOO_HIGH', 'Acme'),
      reopened(deal, 1),
      won(deal, 2, '2026-02-20T00:00:00.000Z'),
      retroOpened(retro, deal, 2, 'WON'),
      filed(retro, 'SALES', ['BEST_VALUE']),
      concluded(retro, ['BEST_VALUE']),
      merged('OLD_A', 'OLD_B'),
    ];
    const once = spec.given(...history).then(dump);

    const twice = projectionSpec<Event>({
      ...citationsProjection,
      handle(event, db) {
        citationsProjection.handle(event, db);
        citationsProjection.handle(event, db);
      },
    })
      .given(...history)
      .then(dump);

    expect(twice).toEqual(once);
    expect(once.deals).toEqual([{ deal_id: deal, segment: 'MID', latest_closure: 2 }]);
    expect(once.codes).toEqual([{ deal_id: deal, closure: 2, code: 'BEST_VALUE', by_marketing: 0, by_sales: 1, agreed: 1 }]);
  });
});
