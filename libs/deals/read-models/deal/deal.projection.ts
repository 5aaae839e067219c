import { currency, formatAmount } from '#shared';
import { defineProjection, provenanceOf, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealEvent } from '../../domain/index.js';

export const DEALS_PROJECTION = 'deals';
export const DEALS_TABLE = 'deal_deals';
export const DEAL_TOUCHES_TABLE = 'deal_touches';
export const DEAL_HISTORY_TABLE = 'deal_history';

/**
 * Deals as the GraphQL Deal shows them, their touches, and one history row per event.
 *
 * Every write is keyed by the event's stream revision, so applying an event a second time changes
 * nothing: the deal row only takes an event newer than its `version`, and touches and history rows
 * are inserted once per key.
 */
export const dealsProjection = defineProjection<DealEvent>({
  name: DEALS_PROJECTION,
  version: 1,
  tables: [DEALS_TABLE, DEAL_TOUCHES_TABLE, DEAL_HISTORY_TABLE],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${DEALS_TABLE} (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        account TEXT NOT NULL,
        segment TEXT,
        source TEXT NOT NULL,
        owner TEXT NOT NULL,
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        expected_close_date TEXT,
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        loss_reason_code TEXT,
        competitor TEXT,
        closures INTEGER NOT NULL,
        version INTEGER NOT NULL
      )`,
    ).run();
    // The list pages by (opened_at, id), optionally within one status or segment.
    prepared(db, `CREATE INDEX IF NOT EXISTS ${DEALS_TABLE}_by_opening ON ${DEALS_TABLE} (opened_at, id)`).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${DEALS_TABLE}_by_status ON ${DEALS_TABLE} (status, opened_at, id)`).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${DEALS_TABLE}_by_segment ON ${DEALS_TABLE} (segment, opened_at, id)`).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${DEAL_TOUCHES_TABLE} (
        deal_id TEXT NOT NULL,
        touch_id TEXT NOT NULL,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        campaign TEXT,
        occurred_at TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (deal_id, touch_id)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${DEAL_HISTORY_TABLE} (
        deal_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        team TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (deal_id, revision)
      )`,
    ).run();
  },
  handlers: {
    DealOpened(event, db) {
      const d = event.data;
      prepared(db, 
        `INSERT INTO ${DEALS_TABLE}
           (id, title, account, segment, source, owner, stage, status, amount_minor, currency,
            expected_close_date, opened_at, closures, version)
         VALUES (?, ?, ?, ?, ?, ?, 'QUALIFICATION', 'OPEN', ?, ?, ?, ?, 0, ?)
         ON CONFLICT (id) DO NOTHING`,
      ).run(d.dealId, d.title, d.account, d.segment, d.source, d.owner, d.amountMinor, d.currency, d.expectedCloseDate, d.openedAt, event.revision);
      const segment = d.segment === null ? '' : `, segment ${d.segment}`;
      const close = d.expectedCloseDate === null ? '' : `, expected to close ${d.expectedCloseDate}`;
      const lead = d.leadId === undefined ? '' : `, converted from lead ${d.leadId}`;
      recordHistory(
        db,
        event,
        `Opened "${d.title}" for ${d.account} at ${money(d.amountMinor, d.currency)}${segment}, sourced by ${d.source}, owned by ${d.owner}${close}${lead}`,
      );
    },
    DealTouchRecorded(event, db) {
      const d = event.data;
      prepared(db, 
        `INSERT INTO ${DEAL_TOUCHES_TABLE} (deal_id, touch_id, team, channel, campaign, occurred_at, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (deal_id, touch_id) DO NOTHING`,
      ).run(d.dealId, d.touchId, d.team, d.channel, d.campaign, d.occurredAt, event.revision);
      advance(db, event, {});
      const campaign = d.campaign === null ? '' : ` (campaign ${d.campaign})`;
      recordHistory(db, event, `${d.team} touch by ${d.channel}${campaign} at ${d.occurredAt}`);
    },
    DealStageMoved(event, db) {
      const d = event.data;
      advance(db, event, { stage: d.to });
      recordHistory(db, event, `Moved from ${d.from} to ${d.to}`);
    },
    DealRevised(event, db) {
      const d = event.data;
      const code = currencyOf(db, d.dealId);
      advance(db, event, { amount_minor: d.amountMinor, expected_close_date: d.expectedCloseDate });
      const changes: string[] = [];
      if (d.amountMinor !== d.previousAmountMinor) {
        changes.push(`amount from ${money(d.previousAmountMinor, code)} to ${money(d.amountMinor, code)}`);
      }
      if (d.expectedCloseDate !== d.previousExpectedCloseDate) {
        changes.push(`expected close from ${d.previousExpectedCloseDate ?? 'none'} to ${d.expectedCloseDate ?? 'none'}`);
      }
      recordHistory(db, event, `Revised ${changes.length > 0 ? changes.join(' and ') : 'nothing'}`);
    },
    DealWon(event, db) {
      const d = event.data;
      const code = currencyOf(db, d.dealId);
      advance(db, event, {
        status: 'WON',
        stage: 'CLOSED',
        amount_minor: d.amountMinor,
        closed_at: d.closedAt,
        loss_reason_code: null,
        competitor: null,
        closures: d.closure,
      });
      recordHistory(db, event, `Won at ${money(d.amountMinor, code)} on ${d.closedAt} from ${d.fromStage} (closure ${d.closure})`);
    },
    DealLost(event, db) {
      const d = event.data;
      const code = currencyOf(db, d.dealId);
      advance(db, event, {
        status: 'LOST',
        stage: 'CLOSED',
        amount_minor: d.amountMinor,
        closed_at: d.closedAt,
        loss_reason_code: d.reasonCode,
        competitor: d.competitor,
        closures: d.closure,
      });
      const competitor = d.competitor === null ? '' : ` to ${d.competitor}`;
      recordHistory(
        db,
        event,
        `Lost${competitor} at ${money(d.amountMinor, code)} on ${d.closedAt} from ${d.fromStage}, reason ${d.reasonCode} (closure ${d.closure})`,
      );
    },
    DealReopened(event, db) {
      const d = event.data;
      advance(db, event, { status: 'OPEN', stage: d.stage, closed_at: null, loss_reason_code: null, competitor: null });
      const note = d.note === null ? '' : `: ${d.note}`;
      recordHistory(db, event, `Reopened after closure ${d.closure}, back at ${d.stage}${note}`);
    },
  },
});

type DealColumn =
  | 'stage'
  | 'status'
  | 'amount_minor'
  | 'expected_close_date'
  | 'closed_at'
  | 'loss_reason_code'
  | 'competitor'
  | 'closures';

/** Sets the columns and the version, unless the row already includes this event. */
function advance(db: SqliteDatabase, event: Recorded<DealEvent>, columns: Partial<Record<DealColumn, string | number | null>>): void {
  const entries = Object.entries(columns);
  const assignments = [...entries.map(([column]) => `${column} = ?`), 'version = ?'].join(', ');
  prepared(db, `UPDATE ${DEALS_TABLE} SET ${assignments} WHERE id = ? AND version < ?`).run(
    ...entries.map(([, value]) => value),
    event.revision,
    event.data.dealId,
    event.revision,
  );
}

function recordHistory(db: SqliteDatabase, event: Recorded<DealEvent>, summary: string): void {
  const { actor, team, recordedAt } = provenanceOf(event);
  prepared(db, 
    `INSERT INTO ${DEAL_HISTORY_TABLE} (deal_id, revision, type, recorded_at, actor, team, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (deal_id, revision) DO NOTHING`,
  ).run(event.data.dealId, event.revision, event.type, recordedAt, actor, team, summary);
}

function currencyOf(db: SqliteDatabase, dealId: string): string | null {
  const row = prepared(db, `SELECT currency FROM ${DEALS_TABLE} WHERE id = ?`).get(dealId) as { currency: string } | undefined;
  return row?.currency ?? null;
}

// A summary is for people; an amount in a currency this build does not know still reads sensibly.
function money(minor: number, code: string | null): string {
  try {
    return code === null ? `${minor} minor units` : `${formatAmount(minor, currency(code))} ${code}`;
  } catch {
    return `${minor} minor units of ${code}`;
  }
}
