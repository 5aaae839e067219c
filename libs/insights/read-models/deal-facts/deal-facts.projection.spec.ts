import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, type SpecEvent } from '#projections/testing';
import type { DealEvent } from '#deals';
import { INSIGHT_DEAL_FACTS_TABLE, INSIGHT_TOUCHES_TABLE, dealFactsProjection } from './deal-facts.projection.js';

const spec = projectionSpec<DealEvent>(dealFactsProjection);

/** A deal event as the command layer records it, at the given server time. */
function at(recordedAt: string, dealId: string, event: DealEvent): SpecEvent<DealEvent> {
  return {
    ...event,
    stream: `deal-${dealId}`,
    metadata: { actor: 'u', team: 'SALES', recordedAt, correlationId: 'c', causationId: 'c' },
  };
}

function opened(dealId: string, recordedAt: string, overrides: Partial<Extract<DealEvent, { type: 'DealOpened' }>['data']> = {}) {
  return at(recordedAt, dealId, {
    type: 'DealOpened',
    data: {
      dealId,
      title: 'T',
      account: 'A',
      segment: 'ENT',
      source: 'MARKETING',
      owner: 'o',
      amountMinor: 1_000_000,
      currency: 'USD',
      expectedCloseDate: '2026-03-20',
      openedAt: '2026-01-10T10:00:00.000Z',
      ...overrides,
    },
  });
}

const facts = (db: SqliteDatabase) =>
  db
    .prepare(
      `SELECT revision, known_from_ms, known_until_ms, status, segment, source, amount_minor, opened_at_ms, closed_at_ms,
              expected_close_date, scope_ms, closures
       FROM ${INSIGHT_DEAL_FACTS_TABLE} ORDER BY deal_id, revision`,
    )
    .all();

/** The deal as known at asOf: the one version whose interval of recorded time holds it. */
const asOf = (db: SqliteDatabase, dealId: string, iso: string) =>
  db
    .prepare(
      `SELECT status, amount_minor, closed_at_ms FROM ${INSIGHT_DEAL_FACTS_TABLE}
       WHERE deal_id = ? AND known_from_ms <= @at AND (known_until_ms IS NULL OR known_until_ms > @at)`,
    )
    .all(dealId, { at: Date.parse(iso) });

const ms = (iso: string) => Date.parse(iso);

const touched = (recordedAt: string, dealId: string, touchId: string, team: 'MARKETING' | 'SALES', occurredAt: string) =>
  at(recordedAt, dealId, { type: 'DealTouchRecorded', data: { dealId, touchId, team, channel: 'c', campaign: null, occurredAt } });

describe('insights-deals projection', () => {
  it('writes a version per change of facts, each known from its event until the next one', () => {
    const id = randomUUID();
    const rows = spec
      .given(opened(id, '2026-01-10T10:00:00.000Z'))
      .when(
        // A stage move changes no fact: no version of its own.
        at('2026-01-12T00:00:00.000Z', id, { type: 'DealStageMoved', data: { dealId: id, from: 'QUALIFICATION', to: 'DISCOVERY' } }),
        at('2026-01-20T00:00:00.000Z', id, {
          type: 'DealRevised',
          data: { dealId: id, amountMinor: 1_500_000, expectedCloseDate: '2026-03-01', previousAmountMinor: 1_000_000, previousExpectedCloseDate: '2026-03-20' },
        }),
        at('2026-02-02T00:00:00.000Z', id, {
          type: 'DealWon',
          data: { dealId: id, closure: 1, amountMinor: 1_500_000, closedAt: '2026-02-01T10:00:00.000Z', fromStage: 'DISCOVERY' },
        }),
        at('2026-02-05T00:00:00.000Z', id, {
          type: 'DealReopened',
          data: { dealId: id, closure: 1, stage: 'DISCOVERY', note: null, reopenedAt: '2026-02-05T00:00:00.000Z' },
        }),
      )
      .then(facts);

    const base = { segment: 'ENT', source: 'MARKETING', opened_at_ms: ms('2026-01-10T10:00:00.000Z') };
    expect(rows).toEqual([
      { ...base, revision: 0, known_from_ms: ms('2026-01-10T10:00:00.000Z'), known_until_ms: ms('2026-01-20T00:00:00.000Z'), status: 'OPEN', amount_minor: 1_000_000, closed_at_ms: null, expected_close_date: '2026-03-20', scope_ms: ms('2026-03-20T00:00:00.000Z'), closures: 0 },
      { ...base, revision: 2, known_from_ms: ms('2026-01-20T00:00:00.000Z'), known_until_ms: ms('2026-02-02T00:00:00.000Z'), status: 'OPEN', amount_minor: 1_500_000, closed_at_ms: null, expected_close_date: '2026-03-01', scope_ms: ms('2026-03-01T00:00:00.000Z'), closures: 0 },
      // won: in scope by its close
      { ...base, revision: 3, known_from_ms: ms('2026-02-02T00:00:00.000Z'), known_until_ms: ms('2026-02-05T00:00:00.000Z'), status: 'WON', amount_minor: 1_500_000, closed_at_ms: ms('2026-02-01T10:00:00.000Z'), expected_close_date: '2026-03-01', scope_ms: ms('2026-02-01T10:00:00.000Z'), closures: 1 },
      // reopened: open again with no close, the closure count kept, and current
      { ...base, revision: 4, known_from_ms: ms('2026-02-05T00:00:00.000Z'), known_until_ms: null, status: 'OPEN', amount_minor: 1_500_000, closed_at_ms: null, expected_close_date: '2026-03-01', scope_ms: ms('2026-03-01T00:00:00.000Z'), closures: 1 },
    ]);
  });

  it('counts a late-recorded win only from when it was recorded, not from its closedAt', () => {
    // given a win on Feb 5 entered on Feb 15
    const id = randomUUID();
    const known = (iso: string) =>
      spec
        .given(opened(id, '2026-02-15T09:00:00.000Z', { openedAt: '2026-01-20T00:00:00.000Z' }))
        .when(
          at('2026-02-15T09:01:00.000Z', id, {
            type: 'DealWon',
            data: { dealId: id, closure: 1, amountMinor: 2_000_000, closedAt: '2026-02-05T00:00:00.000Z', fromStage: 'QUALIFICATION' },
          }),
        )
        .then((db) => asOf(db, id, iso));

    // then on Feb 10 the deal was not known at all, between the two writes it was open, then won
    expect(known('2026-02-10T00:00:00.000Z')).toEqual([]);
    expect(known('2026-02-15T09:00:30.000Z')).toEqual([{ status: 'OPEN', amount_minor: 1_000_000, closed_at_ms: null }]);
    expect(known('2026-02-15T09:01:00.000Z')).toEqual([{ status: 'WON', amount_minor: 2_000_000, closed_at_ms: ms('2026-02-05T00:00:00.000Z') }]);
    expect(known('2026-02-16T00:00:00.000Z')).toEqual([{ status: 'WON', amount_minor: 2_000_000, closed_at_ms: ms('2026-02-05T00:00:00.000Z') }]);
  });

  it('never makes a revision known before the one it follows, when two writers recorded them out of order', () => {
    // given revision 1 (a touch) and revision 2 (the win) stamped earlier than revision 0 by their writers
    const id = randomUUID();
    const projected = spec
      .given(opened(id, '2026-02-10T10:00:00.000Z'))
      .when(
        touched('2026-02-10T09:59:00.000Z', id, 't1', 'SALES', '2026-02-01T00:00:00.000Z'),
        at('2026-02-10T09:58:00.000Z', id, {
          type: 'DealWon',
          data: { dealId: id, closure: 1, amountMinor: 1_000_000, closedAt: '2026-02-09T00:00:00.000Z', fromStage: 'QUALIFICATION' },
        }),
      );

    // then each is known from revision 0's moment, so before it the deal is not known at all
    const known = (iso: string) => projected.then((db) => asOf(db, id, iso));
    expect(known('2026-02-10T09:59:30.000Z')).toEqual([]);
    expect(known('2026-02-10T10:00:00.000Z')).toEqual([{ status: 'WON', amount_minor: 1_000_000, closed_at_ms: ms('2026-02-09T00:00:00.000Z') }]);
    const touchKnown = projected.then((db) => db.prepare(`SELECT recorded_at_ms FROM ${INSIGHT_TOUCHES_TABLE} WHERE deal_id = ?`).pluck().get(id));
    expect(touchKnown).toBe(ms('2026-02-10T10:00:00.000Z'));
  });

  it('keeps touches with when they happened and when they were recorded; a touch of an open deal makes no version', () => {
    const id = randomUUID();
    const touches = spec
      .given(opened(id, '2026-01-10T10:00:00.000Z'))
      .when(touched('2026-02-02T00:00:00.000Z', id, 't1', 'MARKETING', '2026-01-05T10:00:00.000Z'))
      .then((db) => ({
        touches: db.prepare(`SELECT * FROM ${INSIGHT_TOUCHES_TABLE}`).all(),
        versions: db.prepare(`SELECT count(*) AS n FROM ${INSIGHT_DEAL_FACTS_TABLE}`).get(),
      }));

    expect(touches).toEqual({
      touches: [{ deal_id: id, touch_id: 't1', team: 'MARKETING', occurred_at_ms: ms('2026-01-05T10:00:00.000Z'), recorded_at_ms: ms('2026-02-02T00:00:00.000Z') }],
      versions: { n: 1 },
    });
  });

  it('keeps a won version’s credit under every split model, and a late touch makes a new version with the new credit', () => {
    // given a MARKETING-sourced deal touched by SALES, won, then a MARKETING touch before the close entered late
    const id = randomUUID();
    const history = [
      opened(id, '2026-01-10T10:00:00.000Z'),
      touched('2026-01-20T00:00:00.000Z', id, 't1', 'SALES', '2026-01-20T00:00:00.000Z'),
      at('2026-02-01T10:00:00.000Z', id, {
        type: 'DealWon',
        data: { dealId: id, closure: 1, amountMinor: 1_000_000, closedAt: '2026-02-01T10:00:00.000Z', fromStage: 'QUALIFICATION' },
      }),
      touched('2026-02-03T00:00:00.000Z', id, 't2', 'MARKETING', '2026-01-25T00:00:00.000Z'),
    ];
    const credit = spec.given(...history).then((db) =>
      db
        .prepare(
          `SELECT revision, known_until_ms, influenced_marketing, influenced_sales,
                  first_touch_marketing_minor, last_touch_sales_minor, linear_marketing_minor, linear_sales_minor,
                  linear_marketing_wins, linear_sales_wins
           FROM ${INSIGHT_DEAL_FACTS_TABLE} WHERE status = 'WON' ORDER BY revision`,
        )
        .all(),
    );

    // then the win's version splits creation (MARKETING) and t1 (SALES) evenly; with t2 known, LINEAR gives MARKETING two of three
    expect(credit).toEqual([
      {
        revision: 2,
        known_until_ms: ms('2026-02-03T00:00:00.000Z'),
        influenced_marketing: 0,
        influenced_sales: 1,
        first_touch_marketing_minor: 1_000_000,
        last_touch_sales_minor: 1_000_000,
        linear_marketing_minor: 500_000,
        linear_sales_minor: 500_000,
        linear_marketing_wins: 0.5,
        linear_sales_wins: 0.5,
      },
      {
        revision: 3,
        known_until_ms: null,
        influenced_marketing: 1,
        influenced_sales: 1,
        first_touch_marketing_minor: 1_000_000,
        // t2 (Jan 25) is now the last element: LAST_TOUCH moves to MARKETING
        last_touch_sales_minor: 0,
        linear_marketing_minor: 666_667,
        linear_sales_minor: 333_333,
        linear_marketing_wins: 2 / 3,
        linear_sales_wins: 1 / 3,
      },
    ]);
  });

  it('writes the same rows when the same events are applied again', () => {
    // given a history, then the same recorded events once more (a rolled-back batch re-applied)
    const id = randomUUID();
    const history: SpecEvent<DealEvent>[] = [
      { ...opened(id, '2026-01-10T10:00:00.000Z'), id: 'e0' },
      { ...touched('2026-01-11T00:00:00.000Z', id, 't1', 'SALES', '2026-01-11T00:00:00.000Z'), id: 'e1' },
      {
        ...at('2026-01-12T00:00:00.000Z', id, {
          type: 'DealWon',
          data: { dealId: id, closure: 1, amountMinor: 1_000_000, closedAt: '2026-01-12T00:00:00.000Z', fromStage: 'QUALIFICATION' },
        }),
        id: 'e2',
      },
      {
        ...at('2026-01-13T00:00:00.000Z', id, {
          type: 'DealReopened',
          data: { dealId: id, closure: 1, stage: 'QUALIFICATION', note: null, reopenedAt: '2026-01-13T00:00:00.000Z' },
        }),
        id: 'e3',
      },
    ];
    const dump = (db: SqliteDatabase) => ({
      facts: db.prepare(`SELECT * FROM ${INSIGHT_DEAL_FACTS_TABLE} ORDER BY deal_id, revision`).all(),
      touches: db.prepare(`SELECT * FROM ${INSIGHT_TOUCHES_TABLE}`).all(),
    });
    const once = spec.given(...history).then(dump);

    const twice = projectionSpecApplyingTwice(history, dump);

    expect(twice).toEqual(once);
    expect(once.facts).toHaveLength(3);
  });
});

/** Applies each event at its own revision twice in a row, as a retried batch would. */
function projectionSpecApplyingTwice<Result>(events: readonly SpecEvent<DealEvent>[], query: (db: SqliteDatabase) => Result): Result {
  return projectionSpec<DealEvent>({
    ...dealFactsProjection,
    handle(event, db) {
      dealFactsProjection.handle(event, db);
      dealFactsProjection.handle(event, db);
    },
  }).given(...events).then(query);
}
