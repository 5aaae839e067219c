import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { queryPlans, record, type SpecEvent } from '#projections/testing';
import { AnswerCache } from '#projections';
import { currency } from '#shared';
import type { DealEvent } from '#deals';
import { ReasonsReader, reasonsProjection, type ReasonEvent } from '#reasons';
import type { LeadEvent } from '../../domain/index.js';
import { LEAD_HANDOFFS_TABLE, LEADS_TABLE, leadsProjection } from '../lead/lead.projection.js';
import { LeadsReader } from '../lead/leads.reader.js';
import { LeadFunnelReader } from './lead-funnel.reader.js';

type Event = LeadEvent | DealEvent | ReasonEvent;

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Lead i: handed off on day i of 2025 at 09:00, every third rejected, every other accepted and converted, every fourth deal won. */
function story(index: number): SpecEvent<Event>[] {
  const leadId = `l${index}`;
  const start = Date.parse('2025-01-01T09:00:00Z') + index * 24 * HOUR;
  const lead = (event: LeadEvent, ms: number): SpecEvent<Event> => ({ ...event, stream: `lead-${leadId}`, metadata: { recordedAt: iso(ms) } });
  const events: SpecEvent<Event>[] = [
    lead(
      {
        type: 'LeadHandedOff',
        data: {
          leadId,
          handoff: 1,
          account: 'Acme',
          contact: null,
          segment: index % 2 ? 'ENT' : 'SMB',
          channel: 'Webinar',
          campaign: `C${index % 5}`,
          criteriaMet: [],
          note: null,
          agreementVersion: 1,
          meetsAgreement: index % 4 !== 0,
          handedOffAt: iso(start),
          respondBy: iso(start + 24 * HOUR),
        },
      },
      start,
    ),
  ];
  if (index % 3 === 0) {
    events.push(lead({ type: 'LeadRejected', data: { leadId, handoff: 1, reasonCode: 'OLD_FIT', note: null, at: iso(start + 30 * HOUR) } }, start + 30 * HOUR));
  } else if (index % 2 === 0) {
    events.push(lead({ type: 'LeadAccepted', data: { leadId, handoff: 1, at: iso(start + 2 * HOUR) } }, start + 2 * HOUR));
    const dealId = `d${index}`;
    const convertedAt = start + 3 * HOUR;
    events.push(
      lead(
        {
          type: 'LeadConverted',
          data: {
            leadId,
            handoff: 1,
            dealId,
            title: 't',
            owner: 'o',
            amountMinor: 10_000,
            currency: 'USD',
            expectedCloseDate: null,
            account: 'Acme',
            segment: null,
            channel: 'Webinar',
            campaign: null,
            handedOffAt: iso(start),
            convertedAt: iso(convertedAt),
          },
        },
        convertedAt,
      ),
    );
    if (index % 4 === 2) {
      const closedAt = start + 10 * 24 * HOUR;
      events.push({
        type: 'DealWon',
        stream: `deal-${dealId}`,
        metadata: { recordedAt: iso(closedAt) },
        data: { dealId, closure: 1, amountMinor: 25_000, closedAt: iso(closedAt), fromStage: 'QUALIFICATION' },
      });
    }
  }
  return events;
}

describe('LeadFunnelReader and LeadsReader on a real SQLite read model', () => {
  let db: SqliteDatabase;
  let funnel: LeadFunnelReader;
  let leads: LeadsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    leadsProjection.setup(db);
    reasonsProjection.setup(db);
    const catalog: SpecEvent<Event>[] = [
      { type: 'ReasonDefined', stream: 'reasons', metadata: { recordedAt: '2025-01-01T00:00:00.000Z' }, data: { code: 'OLD_FIT', label: 'Old', category: 'OTHER', kind: 'REJECTION' } },
      { type: 'ReasonDefined', stream: 'reasons', metadata: { recordedAt: '2025-01-01T00:00:00.000Z' }, data: { code: 'NOT_ICP_FIT', label: 'Fit', category: 'LEAD_QUALITY', kind: 'REJECTION' } },
      { type: 'ReasonsMerged', stream: 'reasons', metadata: { recordedAt: '2025-01-01T00:00:00.000Z' }, data: { from: 'OLD_FIT', into: 'NOT_ICP_FIT' } },
    ];
    db.transaction(() => {
      for (const event of record([...catalog, ...Array.from({ length: 300 }, (_, index) => story(index)).flat()])) {
        if (leadsProjection.eventTypes.includes(event.type)) leadsProjection.handle(event, db);
        if (reasonsProjection.eventTypes.includes(event.type)) reasonsProjection.handle(event, db);
      }
    })();
    db.prepare('ANALYZE').run();
    funnel = new LeadFunnelReader(db, currency('USD'), new ReasonsReader(db), AnswerCache.disabled());
    leads = new LeadsReader(db, AnswerCache.disabled());
  });
  afterEach(() => {
    db.close();
  });

  it.each<[string, string | null, string | null]>([
    ['every handoff of the period', null, null],
    ['one segment', 'ENT', null],
    ['one campaign', null, 'C1'],
  ])('reads only the handoffs of the period, through its index: %s', (_name, segment, campaign) => {
    const plan = queryPlans(db, () => funnel.handoffFacts({ from: '2025-03-01', to: '2025-03-31', asOfMs: Date.parse('2026-01-01T00:00:00Z'), segment, campaign }), {
      start: 0,
      end: 1,
      asOf: 0,
      segment,
      campaign,
    });
    expect(plan).toMatch(new RegExp(`SEARCH h USING INDEX ${LEAD_HANDOFFS_TABLE}_by_time \\(handed_off_at_ms>\\? AND handed_off_at_ms<\\?\\)`));
    expect(plan).toMatch(/SEARCH o USING INDEX sqlite_autoindex_lead_deal_outcomes_1 \(deal_id=\?\)/);
    expect(plan).not.toMatch(/SCAN h\b|SCAN o\b/);
  });

  it('answers the inbox by its index and pages the list along the handoff index, sorting nothing', () => {
    expect(queryPlans(db, () => leads.inbox(10), { limit: 10 })).toMatch(new RegExp(`SEARCH ${LEADS_TABLE} USING INDEX ${LEADS_TABLE}_by_deadline \\(status=\\?\\)`));
    const page = queryPlans(db, () => leads.page({ status: 'CONVERTED' }, 10), { status: 'CONVERTED', segment: null, campaign: null, afterMs: null, afterId: '', limit: 11 });
    expect(page).toMatch(new RegExp(`SCAN ${LEADS_TABLE} USING INDEX ${LEADS_TABLE}_by_handoff`));
    expect(page).not.toMatch(/TEMP B-TREE/);
  });

  it('counts January as known at its end, and again once the wins of early January were recorded', () => {
    // January: leads 0..30 handed off; 0, 3, ..., 30 rejected 30 hours later (lead 30's only on
    // February 1st); of the rest the even ones accepted and converted, the odd ones never answered.
    const endOfJanuary = Date.parse('2025-01-31T23:59:59.999Z');
    const january = funnel.funnel({ from: '2025-01-01', to: '2025-01-31', asOfMs: endOfJanuary, segment: null, campaign: null });
    expect(january).toMatchObject({ handedOff: 31, rejected: 10, accepted: 10, pending: 11, converted: 10 });
    // The deals of leads 2, 10, 14, 22 and 26 are won ten days after the handoff: three by the end of January.
    expect(january).toMatchObject({ won: 3, wonRevenue: '750.00', winRate: 0.3 });
    // The rejections cite OLD_FIT, merged since into NOT_ICP_FIT: they count under the survivor.
    expect(january.rejectionReasons).toEqual([{ code: 'NOT_ICP_FIT', leads: 10, share: 1 }]);
    const later = funnel.funnel({ from: '2025-01-01', to: '2025-01-31', asOfMs: Date.parse('2025-03-01T00:00:00Z'), segment: null, campaign: null });
    expect(later).toMatchObject({ handedOff: 31, rejected: 11, pending: 10, won: 5, wonRevenue: '1250.00' });
  });
});
