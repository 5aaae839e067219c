import { defineProjection, knownSinceMs, provenanceOf, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealLost, DealReopened, DealWon } from '#deals';
import type { LeadEvent } from '../../domain/index.js';

export const LEADS_PROJECTION = 'leads';
export const LEADS_TABLE = 'lead_leads';
/** One row per handoff: what the funnel counts, each step with the server time it was recorded. */
export const LEAD_HANDOFFS_TABLE = 'lead_handoffs';
export const LEAD_HISTORY_TABLE = 'lead_history';
/** Each closure or reopening of a converted lead's deal, and since when it is known. */
export const LEAD_DEAL_OUTCOMES_TABLE = 'lead_deal_outcomes';

type Consumed = LeadEvent | DealWon | DealLost | DealReopened;

/**
 * Leads as the GraphQL Lead shows them (their latest handoff), every handoff with the times of its
 * answer, recycling and conversion, one history row per event, and the outcomes of the deals
 * leads were converted into, so the funnel can be asked "as of" any moment.
 *
 * Every instant of a lead is the server's time of its event: a handoff's steps each happen once,
 * so a row per handoff with the time of each step answers any asOf. The lead row's `version` is
 * the revision of the last event it includes, so a repeat changes nothing.
 */
export const leadsProjection = defineProjection<Consumed>({
  name: LEADS_PROJECTION,
  version: 1,
  tables: [LEADS_TABLE, LEAD_HANDOFFS_TABLE, LEAD_HISTORY_TABLE, LEAD_DEAL_OUTCOMES_TABLE],
  setup(db) {
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${LEADS_TABLE} (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        account TEXT NOT NULL,
        contact TEXT,
        segment TEXT,
        channel TEXT NOT NULL,
        campaign TEXT,
        criteria_met TEXT NOT NULL,
        agreement_version INTEGER NOT NULL,
        meets_agreement INTEGER NOT NULL,
        handed_off_at TEXT NOT NULL,
        handed_off_at_ms INTEGER NOT NULL,
        respond_by TEXT NOT NULL,
        respond_by_ms INTEGER NOT NULL,
        responded_at TEXT,
        rejection_reason_code TEXT,
        note TEXT,
        handoffs INTEGER NOT NULL,
        deal_id TEXT,
        version INTEGER NOT NULL
      )`,
    ).run();
    for (const [name, columns] of [
      // The list walks the leads by latest handoff, newest first, filtering as it goes.
      ['by_handoff', 'handed_off_at_ms, id'],
      // Sales' inbox: leads awaiting an answer, earliest deadline first.
      ['by_deadline', 'status, respond_by_ms, id'],
      ['by_deal', 'deal_id'],
    ] as const) {
      prepared(db, `CREATE INDEX IF NOT EXISTS ${LEADS_TABLE}_${name} ON ${LEADS_TABLE} (${columns})`).run();
    }
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${LEAD_HANDOFFS_TABLE} (
        lead_id TEXT NOT NULL,
        handoff INTEGER NOT NULL,
        handed_off_at_ms INTEGER NOT NULL,
        respond_by_ms INTEGER NOT NULL,
        agreement_version INTEGER NOT NULL,
        meets_agreement INTEGER NOT NULL,
        segment TEXT,
        campaign TEXT,
        response TEXT,
        responded_at_ms INTEGER,
        reason_code TEXT,
        recycled_at_ms INTEGER,
        converted_at_ms INTEGER,
        deal_id TEXT,
        PRIMARY KEY (lead_id, handoff)
      )`,
    ).run();
    // The funnel reads the handoffs of a period (one statement for every filter, so the period's
    // range is the index; segment and campaign filter the rows in it).
    prepared(db, `CREATE INDEX IF NOT EXISTS ${LEAD_HANDOFFS_TABLE}_by_time ON ${LEAD_HANDOFFS_TABLE} (handed_off_at_ms)`).run();
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${LEAD_HISTORY_TABLE} (
        lead_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        team TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (lead_id, revision)
      )`,
    ).run();
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${LEAD_DEAL_OUTCOMES_TABLE} (
        deal_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        known_from_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        PRIMARY KEY (deal_id, revision)
      )`,
    ).run();
  },
  handlers: {
    LeadHandedOff(event, db) {
      const d = event.data;
      const handedOffAtMs = Date.parse(d.handedOffAt);
      const respondByMs = Date.parse(d.respondBy);
      prepared(
        db,
        `INSERT INTO ${LEADS_TABLE}
           (id, status, account, contact, segment, channel, campaign, criteria_met, agreement_version, meets_agreement,
            handed_off_at, handed_off_at_ms, respond_by, respond_by_ms, responded_at, rejection_reason_code, note, handoffs, version)
         VALUES (@id, 'HANDED_OFF', @account, @contact, @segment, @channel, @campaign, @criteriaMet, @agreementVersion, @meets,
                 @handedOffAt, @handedOffAtMs, @respondBy, @respondByMs, NULL, NULL, @note, @handoff, @revision)
         ON CONFLICT (id) DO UPDATE SET
           status = 'HANDED_OFF', account = excluded.account, contact = excluded.contact, segment = excluded.segment,
           channel = excluded.channel, campaign = excluded.campaign, criteria_met = excluded.criteria_met,
           agreement_version = excluded.agreement_version, meets_agreement = excluded.meets_agreement,
           handed_off_at = excluded.handed_off_at, handed_off_at_ms = excluded.handed_off_at_ms,
           respond_by = excluded.respond_by, respond_by_ms = excluded.respond_by_ms, responded_at = NULL,
           rejection_reason_code = NULL, note = excluded.note, handoffs = excluded.handoffs, version = excluded.version
         WHERE ${LEADS_TABLE}.version < excluded.version`,
      ).run({
        id: d.leadId,
        account: d.account,
        contact: d.contact,
        segment: d.segment,
        channel: d.channel,
        campaign: d.campaign,
        criteriaMet: JSON.stringify(d.criteriaMet),
        agreementVersion: d.agreementVersion,
        meets: d.meetsAgreement ? 1 : 0,
        handedOffAt: d.handedOffAt,
        handedOffAtMs,
        respondBy: d.respondBy,
        respondByMs,
        note: d.note,
        handoff: d.handoff,
        revision: event.revision,
      });
      prepared(
        db,
        `INSERT INTO ${LEAD_HANDOFFS_TABLE}
           (lead_id, handoff, handed_off_at_ms, respond_by_ms, agreement_version, meets_agreement, segment, campaign)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (lead_id, handoff) DO NOTHING`,
      ).run(d.leadId, d.handoff, handedOffAtMs, respondByMs, d.agreementVersion, d.meetsAgreement ? 1 : 0, d.segment, d.campaign);
      const campaign = d.campaign === null ? '' : ` (campaign ${d.campaign})`;
      const measured = d.meetsAgreement ? 'meeting' : 'below';
      recordHistory(
        db,
        event,
        `Handed off ${d.account} by ${d.channel}${campaign}, handoff ${d.handoff}, ${measured} agreement version ${d.agreementVersion}; answer due by ${d.respondBy}`,
      );
    },
    LeadAccepted(event, db) {
      const { leadId, handoff, at } = event.data;
      advance(db, event, { status: 'ACCEPTED', responded_at: at });
      stepOf(db, leadId, handoff, { response: 'ACCEPTED', responded_at_ms: Date.parse(at) });
      recordHistory(db, event, `Accepted (handoff ${handoff})`);
    },
    LeadRejected(event, db) {
      const { leadId, handoff, reasonCode, note, at } = event.data;
      advance(db, event, { status: 'REJECTED', responded_at: at, rejection_reason_code: reasonCode }, note);
      stepOf(db, leadId, handoff, { response: 'REJECTED', responded_at_ms: Date.parse(at), reason_code: reasonCode });
      recordHistory(db, event, `Rejected (handoff ${handoff}), reason ${reasonCode}${note === null ? '' : `: ${note}`}`);
    },
    LeadRecycled(event, db) {
      const { leadId, handoff, note, at } = event.data;
      advance(db, event, { status: 'RECYCLED' }, note);
      stepOf(db, leadId, handoff, { recycled_at_ms: Date.parse(at) });
      recordHistory(db, event, `Recycled (handoff ${handoff})${note === null ? '' : `: ${note}`}`);
    },
    LeadConverted(event, db) {
      const { leadId, handoff, dealId, title, convertedAt } = event.data;
      advance(db, event, { status: 'CONVERTED', deal_id: dealId });
      stepOf(db, leadId, handoff, { converted_at_ms: Date.parse(convertedAt), deal_id: dealId });
      recordHistory(db, event, `Converted into deal ${dealId} "${title}" (handoff ${handoff})`);
    },
    DealWon(event, db) {
      recordOutcome(db, event, 'WON', event.data.amountMinor);
    },
    DealLost(event, db) {
      recordOutcome(db, event, 'LOST', event.data.amountMinor);
    },
    DealReopened(event, db) {
      recordOutcome(db, event, 'OPEN', 0);
    },
  },
});

type LeadColumn = 'status' | 'responded_at' | 'rejection_reason_code' | 'deal_id';

/**
 * Sets the columns and the version, unless the row already includes this event. A note given
 * with an answer or a recycling replaces the handoff's: `note` describes the latest handoff.
 */
function advance(db: SqliteDatabase, event: Recorded<LeadEvent>, columns: Partial<Record<LeadColumn, string | null>>, note: string | null = null): void {
  const entries = Object.entries(columns);
  const assignments = [...entries.map(([column]) => `${column} = ?`), 'note = coalesce(?, note)', 'version = ?'].join(', ');
  prepared(db, `UPDATE ${LEADS_TABLE} SET ${assignments} WHERE id = ? AND version < ?`).run(
    ...entries.map(([, value]) => value),
    note,
    event.revision,
    event.data.leadId,
    event.revision,
  );
}

type StepColumn = 'response' | 'responded_at_ms' | 'reason_code' | 'recycled_at_ms' | 'converted_at_ms' | 'deal_id';

/** Records a step of one handoff; each step happens once, so setting it again changes nothing. */
function stepOf(db: SqliteDatabase, leadId: string, handoff: number, columns: Partial<Record<StepColumn, string | number>>): void {
  const entries = Object.entries(columns);
  prepared(db, `UPDATE ${LEAD_HANDOFFS_TABLE} SET ${entries.map(([column]) => `${column} = ?`).join(', ')} WHERE lead_id = ? AND handoff = ?`).run(
    ...entries.map(([, value]) => value),
    leadId,
    handoff,
  );
}

function recordHistory(db: SqliteDatabase, event: Recorded<LeadEvent>, summary: string): void {
  const { actor, team, recordedAt } = provenanceOf(event);
  prepared(
    db,
    `INSERT INTO ${LEAD_HISTORY_TABLE} (lead_id, revision, type, recorded_at, actor, team, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (lead_id, revision) DO NOTHING`,
  ).run(event.data.leadId, event.revision, event.type, recordedAt, actor, team, summary);
}

/** Only the deals leads were converted into: their claim (LeadConverted) always comes first in the log. */
function recordOutcome(db: SqliteDatabase, event: Recorded<DealWon | DealLost | DealReopened>, status: 'WON' | 'LOST' | 'OPEN', amountMinor: number): void {
  const { dealId } = event.data;
  const fromLead = prepared(db, `SELECT 1 FROM ${LEADS_TABLE} WHERE deal_id = ?`).get(dealId) !== undefined;
  if (!fromLead) return;
  const previous = prepared(db, `SELECT max(known_from_ms) FROM ${LEAD_DEAL_OUTCOMES_TABLE} WHERE deal_id = ? AND revision < ?`)
    .pluck()
    .get(dealId, event.revision) as number | null;
  prepared(
    db,
    `INSERT INTO ${LEAD_DEAL_OUTCOMES_TABLE} (deal_id, revision, known_from_ms, status, amount_minor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (deal_id, revision) DO NOTHING`,
  ).run(dealId, event.revision, knownSinceMs(event, previous), status, amountMinor);
}
