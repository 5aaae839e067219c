import { defineProjection } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealLost, DealOpened, DealReopened, DealWon } from '#deals';
import type { PerspectiveFiled, RetrospectiveConcluded, RetrospectiveOpened } from '#retrospectives';
import type { ReasonsMerged } from '#reasons';

const CITATIONS_PROJECTION = 'insights-citations';
export const INSIGHT_CITED_DEALS_TABLE = 'insight_cited_deals';
export const INSIGHT_CLOSURES_TABLE = 'insight_closures';
export const INSIGHT_RETROSPECTIVES_TABLE = 'insight_retrospectives';
export const INSIGHT_PERSPECTIVES_TABLE = 'insight_perspectives';
export const INSIGHT_REASON_MERGES_TABLE = 'insight_reason_merges';

type CitationEvent =
  | DealOpened
  | DealWon
  | DealLost
  | DealReopened
  | RetrospectiveOpened
  | PerspectiveFiled
  | RetrospectiveConcluded
  | ReasonsMerged;

/**
 * What reason insights count, by deal closure: each closure's outcome, amount, loss reason and
 * competitor; the retrospective of that closure with each team's current perspective and the
 * agreed reasons; and every merge of the catalog as recorded (chains are resolved when read, so a
 * later merge re-counts earlier citations). Codes are stored as cited, never rewritten.
 *
 * Every write is an upsert keyed by what the event names, and a deal's current status follows its
 * latest closure event, so applying an event again writes the same rows.
 */
export const citationsProjection = defineProjection<CitationEvent>({
  name: CITATIONS_PROJECTION,
  version: 1,
  tables: [
    INSIGHT_CITED_DEALS_TABLE,
    INSIGHT_CLOSURES_TABLE,
    INSIGHT_RETROSPECTIVES_TABLE,
    INSIGHT_PERSPECTIVES_TABLE,
    INSIGHT_REASON_MERGES_TABLE,
  ],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_CITED_DEALS_TABLE} (
        deal_id TEXT PRIMARY KEY,
        segment TEXT,
        status TEXT NOT NULL,
        latest_closure INTEGER NOT NULL
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_CLOSURES_TABLE} (
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        closed_at_ms INTEGER NOT NULL,
        loss_reason TEXT,
        competitor TEXT,
        PRIMARY KEY (deal_id, closure)
      )`,
    ).run();
    // Reports read closures of one outcome over a span of close times.
    prepared(db, 
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_CLOSURES_TABLE}_by_close ON ${INSIGHT_CLOSURES_TABLE} (outcome, closed_at_ms)`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_RETROSPECTIVES_TABLE} (
        retrospective_id TEXT PRIMARY KEY,
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL,
        agreed_reason_codes TEXT NOT NULL DEFAULT '[]'
      )`,
    ).run();
    prepared(db, 
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_RETROSPECTIVES_TABLE}_by_closure ON ${INSIGHT_RETROSPECTIVES_TABLE} (deal_id, closure)`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_PERSPECTIVES_TABLE} (
        retrospective_id TEXT NOT NULL,
        team TEXT NOT NULL,
        reason_codes TEXT NOT NULL,
        PRIMARY KEY (retrospective_id, team)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_REASON_MERGES_TABLE} (
        code TEXT PRIMARY KEY,
        merged_into TEXT NOT NULL
      )`,
    ).run();
  },
  handlers: {
    DealOpened(event, db) {
      prepared(db, 
        `INSERT INTO ${INSIGHT_CITED_DEALS_TABLE} (deal_id, segment, status, latest_closure) VALUES (?, ?, 'OPEN', 0)
         ON CONFLICT (deal_id) DO NOTHING`,
      ).run(event.data.dealId, event.data.segment);
    },
    DealWon(event, db) {
      const d = event.data;
      recordClosure(db, { dealId: d.dealId, closure: d.closure, outcome: 'WON', amountMinor: d.amountMinor, closedAt: d.closedAt });
    },
    DealLost(event, db) {
      const d = event.data;
      recordClosure(db, {
        dealId: d.dealId,
        closure: d.closure,
        outcome: 'LOST',
        amountMinor: d.amountMinor,
        closedAt: d.closedAt,
        lossReason: d.reasonCode,
        competitor: d.competitor,
      });
    },
    DealReopened(event, db) {
      // Its closures stay as rows; the deal just has no current closure to count until it closes again.
      prepared(db, `UPDATE ${INSIGHT_CITED_DEALS_TABLE} SET status = 'OPEN' WHERE deal_id = ? AND latest_closure = ?`).run(
        event.data.dealId,
        event.data.closure,
      );
    },
    RetrospectiveOpened(event, db) {
      const d = event.data;
      prepared(db, 
        `INSERT INTO ${INSIGHT_RETROSPECTIVES_TABLE} (retrospective_id, deal_id, closure) VALUES (?, ?, ?)
         ON CONFLICT (retrospective_id) DO NOTHING`,
      ).run(d.retrospectiveId, d.dealId, d.closure);
    },
    PerspectiveFiled(event, db) {
      const d = event.data;
      prepared(db, 
        `INSERT INTO ${INSIGHT_PERSPECTIVES_TABLE} (retrospective_id, team, reason_codes) VALUES (?, ?, ?)
         ON CONFLICT (retrospective_id, team) DO UPDATE SET reason_codes = excluded.reason_codes`,
      ).run(d.retrospectiveId, d.team, JSON.stringify(d.reasonCodes));
    },
    RetrospectiveConcluded(event, db) {
      prepared(db, `UPDATE ${INSIGHT_RETROSPECTIVES_TABLE} SET agreed_reason_codes = ? WHERE retrospective_id = ?`).run(
        JSON.stringify(event.data.agreedReasonCodes),
        event.data.retrospectiveId,
      );
    },
    ReasonsMerged(event, db) {
      prepared(db, 
        `INSERT INTO ${INSIGHT_REASON_MERGES_TABLE} (code, merged_into) VALUES (?, ?)
         ON CONFLICT (code) DO UPDATE SET merged_into = excluded.merged_into`,
      ).run(event.data.from, event.data.into);
    },
  },
});

interface Closure {
  readonly dealId: string;
  readonly closure: number;
  readonly outcome: 'WON' | 'LOST';
  readonly amountMinor: number;
  readonly closedAt: string;
  readonly lossReason?: string;
  readonly competitor?: string | null;
}

function recordClosure(db: SqliteDatabase, closure: Closure): void {
  prepared(db, 
    `INSERT INTO ${INSIGHT_CLOSURES_TABLE} (deal_id, closure, outcome, amount_minor, closed_at_ms, loss_reason, competitor)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (deal_id, closure) DO NOTHING`,
  ).run(
    closure.dealId,
    closure.closure,
    closure.outcome,
    closure.amountMinor,
    Date.parse(closure.closedAt),
    closure.lossReason ?? null,
    closure.competitor ?? null,
  );
  // Only a newer closure moves the deal, so a closure applied again cannot undo a later reopening.
  prepared(db, `UPDATE ${INSIGHT_CITED_DEALS_TABLE} SET status = ?, latest_closure = ? WHERE deal_id = ? AND latest_closure < ?`).run(
    closure.outcome,
    closure.closure,
    closure.dealId,
    closure.closure,
  );
}
