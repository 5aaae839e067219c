import { describe, expect, it } from '@jest/globals';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, type SpecEvent } from '#projections/testing';
import type { DealEvent } from '../../domain/index.js';
import { DEAL_HISTORY_TABLE, DEAL_TOUCHES_TABLE, DEALS_TABLE, dealsProjection } from './deal.projection.js';

const spec = projectionSpec<DealEvent>(dealsProjection);
const STREAM = 'deal-d1';

let clock = Date.parse('2026-03-01T10:00:00Z');
/** An event of deal d1 as the command layer records it: by someone, at a later server time each. */
function recorded(event: DealEvent, by: { actor?: string; team?: string } = {}): SpecEvent<DealEvent> {
  clock += 60_000;
  return {
    ...event,
    stream: STREAM,
    metadata: { actor: by.actor ?? 'sales-user', team: by.team ?? 'SALES', recordedAt: new Date(clock).toISOString(), correlationId: 'c', causationId: 'c' },
  };
}

const opened = recorded({
  type: 'DealOpened',
  data: {
    dealId: 'd1',
    title: 'Acme rollout',
    account: 'Acme',
    segment: 'Enterprise',
    source: 'MARKETING',
    owner: 'Dana',
    amountMinor: 12_500_000,
    currency: 'USD',
    expectedCloseDate: '2026-06-30',
    openedAt: '2026-03-01T09:00:00.000Z',
  },
});
const touched = recorded(
  {
    type: 'DealTouchRecorded',
    data: { dealId: 'd1', touchId: 't1', team: 'MARKETING', channel: 'Webinar', campaign: 'Spring', occurredAt: '2026-02-20T12:00:00.000Z' },
  },
  { actor: 'marketing-user', team: 'MARKETING' },
);
const earlierTouch = recorded({
  type: 'DealTouchRecorded',
  data: { dealId: 'd1', touchId: 't0', team: 'SALES', channel: 'Call', campaign: null, occurredAt: '2026-02-01T12:00:00.000Z' },
});
const moved = recorded({ type: 'DealStageMoved', data: { dealId: 'd1', from: 'QUALIFICATION', to: 'PROPOSAL' } });
const revised = recorded({
  type: 'DealRevised',
  data: { dealId: 'd1', amountMinor: 15_000_050, expectedCloseDate: '2026-07-15', previousAmountMinor: 12_500_000, previousExpectedCloseDate: '2026-06-30' },
});
const won = recorded({
  type: 'DealWon',
  data: { dealId: 'd1', closure: 1, amountMinor: 14_000_000, closedAt: '2026-03-10T17:00:00.000Z', fromStage: 'PROPOSAL' },
});
const reopened = recorded(
  { type: 'DealReopened', data: { dealId: 'd1', closure: 1, stage: 'PROPOSAL', note: 'Signature withdrawn', reopenedAt: '2026-03-11T09:00:00.000Z' } },
  { actor: 'revops-user', team: 'REVOPS' },
);
const lost = recorded({
  type: 'DealLost',
  data: {
    dealId: 'd1',
    closure: 2,
    amountMinor: 14_000_000,
    closedAt: '2026-03-12T10:00:00.000Z',
    reasonCode: 'PRICE_TOO_HIGH',
    competitor: 'Globex',
    fromStage: 'PROPOSAL',
  },
});

const deal = (db: SqliteDatabase) => db.prepare(`SELECT * FROM ${DEALS_TABLE} WHERE id = 'd1'`).get();
const touches = (db: SqliteDatabase) => db.prepare(`SELECT * FROM ${DEAL_TOUCHES_TABLE} ORDER BY occurred_at`).all();
const history = (db: SqliteDatabase) => db.prepare(`SELECT * FROM ${DEAL_HISTORY_TABLE} ORDER BY revision`).all();

describe('the deals projection', () => {
  it('projects an opened deal as OPEN at QUALIFICATION, version 0', () => {
    expect(spec.given().when(opened).then(deal)).toEqual({
      id: 'd1',
      title: 'Acme rollout',
      account: 'Acme',
      segment: 'Enterprise',
      source: 'MARKETING',
      owner: 'Dana',
      stage: 'QUALIFICATION',
      status: 'OPEN',
      amount_minor: 12_500_000,
      currency: 'USD',
      expected_close_date: '2026-06-30',
      opened_at: '2026-03-01T09:00:00.000Z',
      closed_at: null,
      loss_reason_code: null,
      competitor: null,
      closures: 0,
      version: 0,
    });
  });

  it('keeps touches, including those before the opening, and counts them in the version', () => {
    const db = spec.given(opened).when(touched, earlierTouch);
    expect(db.then(touches)).toEqual([
      { deal_id: 'd1', touch_id: 't0', team: 'SALES', channel: 'Call', campaign: null, occurred_at: '2026-02-01T12:00:00.000Z', revision: 2 },
      { deal_id: 'd1', touch_id: 't1', team: 'MARKETING', channel: 'Webinar', campaign: 'Spring', occurred_at: '2026-02-20T12:00:00.000Z', revision: 1 },
    ]);
    expect(db.then(deal)).toMatchObject({ version: 2 });
  });

  it('moves the stage and revises amount and expected close', () => {
    expect(spec.given(opened).when(moved, revised).then(deal)).toMatchObject({
      stage: 'PROPOSAL',
      amount_minor: 15_000_050,
      expected_close_date: '2026-07-15',
      version: 2,
    });
  });

  it('closes a won deal at the final amount', () => {
    expect(spec.given(opened, moved).when(won).then(deal)).toMatchObject({
      status: 'WON',
      stage: 'CLOSED',
      amount_minor: 14_000_000,
      closed_at: '2026-03-10T17:00:00.000Z',
      closures: 1,
      loss_reason_code: null,
      version: 2,
    });
  });

  it('reopens at the stage before the close, keeping the closure count', () => {
    expect(spec.given(opened, moved, won).when(reopened).then(deal)).toMatchObject({
      status: 'OPEN',
      stage: 'PROPOSAL',
      closed_at: null,
      closures: 1,
      version: 3,
    });
  });

  it('records a loss with its reason and competitor, and a second closure after a reopening', () => {
    expect(spec.given(opened, moved, won, reopened).when(lost).then(deal)).toMatchObject({
      status: 'LOST',
      stage: 'CLOSED',
      closed_at: '2026-03-12T10:00:00.000Z',
      loss_reason_code: 'PRICE_TOO_HIGH',
      competitor: 'Globex',
      closures: 2,
      version: 4,
    });
  });

  it('clears the loss reason when a lost deal is reopened', () => {
    const reopenedAfterLoss = recorded({
      type: 'DealReopened',
      data: { dealId: 'd1', closure: 2, stage: 'PROPOSAL', note: null, reopenedAt: '2026-03-13T09:00:00.000Z' },
    });
    expect(spec.given(opened, moved, won, reopened, lost).when(reopenedAfterLoss).then(deal)).toMatchObject({
      status: 'OPEN',
      loss_reason_code: null,
      competitor: null,
      closures: 2,
    });
  });

  it('writes one history row per event with who recorded it, when, and a readable summary', () => {
    const rows = spec.given(opened, touched, moved, revised, won, reopened).when(lost).then(history) as Record<string, unknown>[];
    expect(rows.map((row) => [row['revision'], row['type'], row['actor'], row['team']])).toEqual([
      [0, 'DealOpened', 'sales-user', 'SALES'],
      [1, 'DealTouchRecorded', 'marketing-user', 'MARKETING'],
      [2, 'DealStageMoved', 'sales-user', 'SALES'],
      [3, 'DealRevised', 'sales-user', 'SALES'],
      [4, 'DealWon', 'sales-user', 'SALES'],
      [5, 'DealReopened', 'revops-user', 'REVOPS'],
      [6, 'DealLost', 'sales-user', 'SALES'],
    ]);
    expect(rows[0]?.['recorded_at']).toBe(opened.metadata?.['recordedAt']);
    expect(rows.map((row) => row['summary'])).toEqual([
      'Opened "Acme rollout" for Acme at 125000.00 USD, segment Enterprise, sourced by MARKETING, owned by Dana, expected to close 2026-06-30',
      'MARKETING touch by Webinar (campaign Spring) at 2026-02-20T12:00:00.000Z',
      'Moved from QUALIFICATION to PROPOSAL',
      'Revised amount from 125000.00 USD to 150000.50 USD and expected close from 2026-06-30 to 2026-07-15',
      'Won at 140000.00 USD on 2026-03-10T17:00:00.000Z from PROPOSAL (closure 1)',
      'Reopened after closure 1, back at PROPOSAL: Signature withdrawn',
      'Lost to Globex at 140000.00 USD on 2026-03-12T10:00:00.000Z from PROPOSAL, reason PRICE_TOO_HIGH (closure 2)',
    ]);
  });

  it('names the lead a converted deal came from in its opening summary', () => {
    const fromLead = recorded({ ...opened, data: { ...opened.data, leadId: 'lead-9' } } as DealEvent);
    const rows = spec.given().when(fromLead).then(history) as Record<string, unknown>[];
    expect(rows[0]?.['summary']).toMatch(/, converted from lead lead-9$/);
  });

  it('changes nothing when an event is applied again, even after later ones', () => {
    const all = [opened, touched, moved, revised, won] as const;
    const once = spec.given(...all).then((db) => ({ deal: deal(db), touches: touches(db), history: history(db) }));
    // The same events again (same stream revisions): a redelivery after a crash, replayed out of order.
    const again = spec
      .given(...all)
      .then((db) => {
        for (const event of [opened, touched, moved].map((event, revision) => ({ ...event, revision }))) {
          dealsProjection.handle(
            { id: 'x', type: event.type, data: event.data as never, metadata: event.metadata ?? {}, stream: STREAM, revision: event.revision, position: '1' as never },
            db,
          );
        }
        return { deal: deal(db), touches: touches(db), history: history(db) };
      });
    expect(again).toEqual(once);
  });

  it('gives identical rows when rebuilt from the same log', () => {
    const log = [opened, touched, earlierTouch, moved, revised, won, reopened, lost];
    const snapshot = (db: SqliteDatabase) => ({ deal: deal(db), touches: touches(db), history: history(db) });
    expect(spec.given(...log).then(snapshot)).toEqual(spec.given(...log).then(snapshot));
  });
});
