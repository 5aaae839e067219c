import { describe, expect, it } from '@jest/globals';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, record, type SpecEvent } from '#projections/testing';
import type { DealLost, DealReopened, DealWon } from '#deals';
import type { LeadEvent, LeadHandedOff } from '../../domain/index.js';
import { LEAD_DEAL_OUTCOMES_TABLE, LEAD_HANDOFFS_TABLE, LEAD_HISTORY_TABLE, LEADS_TABLE, leadsProjection } from './lead.projection.js';

type Consumed = LeadEvent | DealWon | DealLost | DealReopened;
const spec = projectionSpec<Consumed>(leadsProjection);
const STREAM = 'lead-l1';

const at = (hour: number) => new Date(Date.parse('2026-03-02T00:00:00Z') + hour * 3_600_000).toISOString();
const ms = (hour: number) => Date.parse(at(hour));

function recorded(event: LeadEvent, hour: number, team = 'SALES'): SpecEvent<Consumed> {
  return { ...event, stream: STREAM, metadata: { actor: `${team.toLowerCase()}-user`, team, recordedAt: at(hour), correlationId: 'c', causationId: 'c' } };
}
function handedOff(handoff: number, hour: number, overrides: Partial<LeadHandedOff['data']> = {}): SpecEvent<Consumed> {
  return recorded(
    {
      type: 'LeadHandedOff',
      data: {
        leadId: 'l1',
        handoff,
        account: 'Acme',
        contact: null,
        segment: 'SMB',
        channel: 'Webinar',
        campaign: 'Spring',
        criteriaMet: ['BUDGET'],
        note: 'Hot',
        agreementVersion: 1,
        meetsAgreement: true,
        handedOffAt: at(hour),
        respondBy: at(hour + 24),
        ...overrides,
      },
    },
    hour,
    'MARKETING',
  );
}
const accepted = (handoff: number, hour: number) => recorded({ type: 'LeadAccepted', data: { leadId: 'l1', handoff, at: at(hour) } }, hour);
const rejected = (handoff: number, hour: number, note: string | null = 'Not now') =>
  recorded({ type: 'LeadRejected', data: { leadId: 'l1', handoff, reasonCode: 'NOT_READY', note, at: at(hour) } }, hour);
const recycled = (handoff: number, hour: number) => recorded({ type: 'LeadRecycled', data: { leadId: 'l1', handoff, note: null, at: at(hour) } }, hour, 'MARKETING');
const converted = (handoff: number, hour: number) =>
  recorded(
    {
      type: 'LeadConverted',
      data: {
        leadId: 'l1',
        handoff,
        dealId: 'd1',
        title: 'Acme rollout',
        owner: 'Dana',
        amountMinor: 100_000,
        currency: 'USD',
        expectedCloseDate: null,
        account: 'Acme',
        segment: 'SMB',
        channel: 'Webinar',
        campaign: 'Spring',
        handedOffAt: at(0),
        convertedAt: at(hour),
      },
    },
    hour,
  );
const dealEvent = (event: DealWon | DealLost | DealReopened, hour: number, dealId = 'd1'): SpecEvent<Consumed> => ({
  ...event,
  stream: `deal-${dealId}`,
  metadata: { recordedAt: at(hour) },
});
const won = (hour: number, dealId = 'd1') =>
  dealEvent({ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 120_000, closedAt: at(hour), fromStage: 'QUALIFICATION' } }, hour, dealId);
const reopened = (hour: number) => dealEvent({ type: 'DealReopened', data: { dealId: 'd1', closure: 1, stage: 'QUALIFICATION', note: null, reopenedAt: at(hour) } }, hour);

const lead = (db: SqliteDatabase) =>
  db.prepare(`SELECT status, handoffs, responded_at, rejection_reason_code, note, deal_id, campaign, respond_by_ms, version FROM ${LEADS_TABLE} WHERE id = 'l1'`).get();
const handoffs = (db: SqliteDatabase) =>
  db
    .prepare(
      `SELECT handoff, handed_off_at_ms, respond_by_ms, response, responded_at_ms, reason_code, recycled_at_ms, converted_at_ms, deal_id, campaign
       FROM ${LEAD_HANDOFFS_TABLE} ORDER BY handoff`,
    )
    .all();
const outcomes = (db: SqliteDatabase) => db.prepare(`SELECT deal_id, known_from_ms, status, amount_minor FROM ${LEAD_DEAL_OUTCOMES_TABLE} ORDER BY revision`).all();

describe('the leads projection', () => {
  it('projects a handoff as a lead HANDED_OFF at version 0, with a handoff row on the server clock', () => {
    const db = spec.given().when(handedOff(1, 0));
    expect(db.then(lead)).toEqual({
      status: 'HANDED_OFF',
      handoffs: 1,
      responded_at: null,
      rejection_reason_code: null,
      note: 'Hot',
      deal_id: null,
      campaign: 'Spring',
      respond_by_ms: ms(24),
      version: 0,
    });
    expect(db.then(handoffs)).toEqual([
      {
        handoff: 1,
        handed_off_at_ms: ms(0),
        respond_by_ms: ms(24),
        response: null,
        responded_at_ms: null,
        reason_code: null,
        recycled_at_ms: null,
        converted_at_ms: null,
        deal_id: null,
        campaign: 'Spring',
      },
    ]);
  });

  it('records a rejection and a recycling on the handoff, then a re-handoff as a second row describing the lead', () => {
    const db = spec.given(handedOff(1, 0), rejected(1, 30), recycled(1, 31)).when(handedOff(2, 40, { campaign: 'Autumn', note: null, respondBy: at(48) }));
    expect(db.then(lead)).toMatchObject({ status: 'HANDED_OFF', handoffs: 2, responded_at: null, rejection_reason_code: null, note: null, campaign: 'Autumn', version: 3 });
    expect(db.then(handoffs)).toEqual([
      expect.objectContaining({ handoff: 1, response: 'REJECTED', responded_at_ms: ms(30), reason_code: 'NOT_READY', recycled_at_ms: ms(31), campaign: 'Spring' }),
      expect.objectContaining({ handoff: 2, handed_off_at_ms: ms(40), respond_by_ms: ms(48), response: null, campaign: 'Autumn' }),
    ]);
  });

  it('keeps the handoff’s note unless an answer gives one', () => {
    expect(spec.given(handedOff(1, 0)).when(rejected(1, 2, null)).then(lead)).toMatchObject({ status: 'REJECTED', note: 'Hot', rejection_reason_code: 'NOT_READY' });
    expect(spec.given(handedOff(1, 0)).when(rejected(1, 2, 'Not now')).then(lead)).toMatchObject({ note: 'Not now' });
  });

  it('records acceptance and conversion, and follows the converted deal’s outcomes from when they were known', () => {
    const db = spec.given(handedOff(1, 0), accepted(1, 5), converted(1, 6)).when(won(50), reopened(60));
    expect(db.then(lead)).toMatchObject({ status: 'CONVERTED', responded_at: at(5), deal_id: 'd1', version: 2 });
    expect(db.then(handoffs)).toEqual([expect.objectContaining({ response: 'ACCEPTED', responded_at_ms: ms(5), converted_at_ms: ms(6), deal_id: 'd1' })]);
    expect(db.then(outcomes)).toEqual([
      { deal_id: 'd1', known_from_ms: ms(50), status: 'WON', amount_minor: 120_000 },
      { deal_id: 'd1', known_from_ms: ms(60), status: 'OPEN', amount_minor: 0 },
    ]);
  });

  it('ignores the closures of deals no lead was converted into', () => {
    expect(spec.given(handedOff(1, 0)).when(won(10, 'other')).then(outcomes)).toEqual([]);
  });

  it('writes one history row per event with who recorded it and a readable summary', () => {
    const rows = spec
      .given(handedOff(1, 0), rejected(1, 30), recycled(1, 31), handedOff(2, 40), accepted(2, 41))
      .when(converted(2, 42))
      .then((db) => db.prepare(`SELECT revision, type, actor, summary FROM ${LEAD_HISTORY_TABLE} ORDER BY revision`).all()) as Record<string, unknown>[];
    expect(rows.map((row) => [row['revision'], row['type'], row['actor']])).toEqual([
      [0, 'LeadHandedOff', 'marketing-user'],
      [1, 'LeadRejected', 'sales-user'],
      [2, 'LeadRecycled', 'marketing-user'],
      [3, 'LeadHandedOff', 'marketing-user'],
      [4, 'LeadAccepted', 'sales-user'],
      [5, 'LeadConverted', 'sales-user'],
    ]);
    expect(rows.map((row) => row['summary'])).toEqual([
      `Handed off Acme by Webinar (campaign Spring), handoff 1, meeting agreement version 1; answer due by ${at(24)}`,
      'Rejected (handoff 1), reason NOT_READY: Not now',
      'Recycled (handoff 1)',
      `Handed off Acme by Webinar (campaign Spring), handoff 2, meeting agreement version 1; answer due by ${at(64)}`,
      'Accepted (handoff 2)',
      'Converted into deal d1 "Acme rollout" (handoff 2)',
    ]);
  });

  it('changes nothing when events are applied again, however late', () => {
    const all = [handedOff(1, 0), rejected(1, 30), recycled(1, 31), handedOff(2, 40), accepted(2, 41), converted(2, 42), won(50)];
    const snapshot = (db: SqliteDatabase) => [lead(db), handoffs(db), outcomes(db)];
    const [once, again] = spec.given(...all).then((db) => {
      const first = snapshot(db);
      for (const event of record(all)) leadsProjection.handle(event, db);
      return [first, snapshot(db)];
    });
    expect(again).toEqual(once);
  });
});
