import { defineProjection } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealLost, DealOpened, DealReopened, DealWon } from '#deals';
import type { PerspectiveFiled, RetrospectiveConcluded, RetrospectiveOpened } from '#retrospectives';
import type { ReasonsMerged } from '#reasons';

export const CITATIONS_PROJECTION = 'insights-citations';
export const INSIGHT_CITED_DEALS_TABLE = 'insight_cited_deals';
export const INSIGHT_CLOSURES_TABLE = 'insight_closures';
export const INSIGHT_CLOSURE_CODES_TABLE = 'insight_closure_codes';
export const INSIGHT_RETROSPECTIVES_TABLE = 'insight_retrospectives';
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
 * What reason insights count, by deal closure: each closure's outcome, segment, amount, loss
 * reason and competitor, whether it is the deal's standing closure (its latest, not reopened:
 * `counts`), whether each team filed a perspective on it; and one row per code cited on that
 * closure's retrospective, saying who cited it (each team's current perspective, the agreed
 * reasons). Merges are kept as recorded links: a report resolves chains when read, so a later
 * merge re-counts earlier citations. Codes are stored as cited, never rewritten.
 *
 * A report reads the standing closures of one outcome in a span of close times through a partial
 * index, and their codes by key: nothing outside the span. Every write is an upsert keyed by what
 * the event names, and a closure stands only once it is the deal's latest, so applying an event
 * again writes the same rows.
 */
export const citationsProjection = defineProjection<CitationEvent>({
  name: CITATIONS_PROJECTION,
  version: 2,
  tables: [
    INSIGHT_CITED_DEALS_TABLE,
    INSIGHT_CLOSURES_TABLE,
    INSIGHT_CLOSURE_CODES_TABLE,
    INSIGHT_RETROSPECTIVES_TABLE,
    INSIGHT_REASON_MERGES_TABLE,
    // Version 1 kept perspectives as JSON lists.
    'insight_perspectives',
  ],
  setup(db) {
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_CITED_DEALS_TABLE} (
        deal_id TEXT PRIMARY KEY,
        segment TEXT,
        latest_closure INTEGER NOT NULL
      )`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_CLOSURES_TABLE} (
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        segment TEXT,
        amount_minor INTEGER NOT NULL,
        closed_at_ms INTEGER NOT NULL,
        loss_reason TEXT,
        competitor TEXT,
        counts INTEGER NOT NULL,
        marketing_filed INTEGER NOT NULL DEFAULT 0,
        sales_filed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deal_id, closure)
      )`,
    ).run();
    // Reports read the standing closures of one outcome over a span of close times, in a segment or not.
    db.prepare(
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_CLOSURES_TABLE}_standing ON ${INSIGHT_CLOSURES_TABLE} (outcome, closed_at_ms) WHERE counts = 1`,
    ).run();
    db.prepare(
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_CLOSURES_TABLE}_standing_by_segment
       ON ${INSIGHT_CLOSURES_TABLE} (segment, outcome, closed_at_ms) WHERE counts = 1`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_CLOSURE_CODES_TABLE} (
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL,
        code TEXT NOT NULL,
        by_marketing INTEGER NOT NULL DEFAULT 0,
        by_sales INTEGER NOT NULL DEFAULT 0,
        agreed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deal_id, closure, code)
      )`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_RETROSPECTIVES_TABLE} (
        retrospective_id TEXT PRIMARY KEY,
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL
      )`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_REASON_MERGES_TABLE} (
        code TEXT PRIMARY KEY,
        merged_into TEXT NOT NULL
      )`,
    ).run();
  },
  handlers: {
    DealOpened(event, db) {
      prepared(
        db,
        `INSERT INTO ${INSIGHT_CITED_DEALS_TABLE} (deal_id, segment, latest_closure) VALUES (?, ?, 0) ON CONFLICT (deal_id) DO NOTHING`,
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
      // The closure stays as a row; the deal has no standing closure to count until it closes again.
      prepared(db, `UPDATE ${INSIGHT_CLOSURES_TABLE} SET counts = 0 WHERE deal_id = ? AND closure = ?`).run(event.data.dealId, event.data.closure);
    },
    RetrospectiveOpened(event, db) {
      const d = event.data;
      prepared(
        db,
        `INSERT INTO ${INSIGHT_RETROSPECTIVES_TABLE} (retrospective_id, deal_id, closure) VALUES (?, ?, ?)
         ON CONFLICT (retrospective_id) DO NOTHING`,
      ).run(d.retrospectiveId, d.dealId, d.closure);
    },
    PerspectiveFiled(event, db) {
      const d = event.data;
      const closure = closureOf(db, d.retrospectiveId);
      if (closure === undefined) return;
      const team = d.team === 'MARKETING' ? 'marketing' : 'sales';
      // Filing again replaces the team's perspective: its earlier codes are no longer its own.
      prepared(db, `UPDATE ${INSIGHT_CLOSURE_CODES_TABLE} SET by_${team} = 0 WHERE deal_id = @deal_id AND closure = @closure`).run(closure);
      for (const code of d.reasonCodes) {
        prepared(
          db,
          `INSERT INTO ${INSIGHT_CLOSURE_CODES_TABLE} (deal_id, closure, code, by_${team}) VALUES (@deal_id, @closure, @code, 1)
           ON CONFLICT (deal_id, closure, code) DO UPDATE SET by_${team} = 1`,
        ).run({ ...closure, code });
      }
      dropUncited(db, closure);
      prepared(db, `UPDATE ${INSIGHT_CLOSURES_TABLE} SET ${team}_filed = 1 WHERE deal_id = @deal_id AND closure = @closure`).run(closure);
    },
    RetrospectiveConcluded(event, db) {
      const closure = closureOf(db, event.data.retrospectiveId);
      if (closure === undefined) return;
      for (const code of event.data.agreedReasonCodes) {
        prepared(
          db,
          `INSERT INTO ${INSIGHT_CLOSURE_CODES_TABLE} (deal_id, closure, code, agreed) VALUES (@deal_id, @closure, @code, 1)
           ON CONFLICT (deal_id, closure, code) DO UPDATE SET agreed = 1`,
        ).run({ ...closure, code });
      }
    },
    ReasonsMerged(event, db) {
      prepared(
        db,
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

interface ClosureKey {
  readonly deal_id: string;
  readonly closure: number;
}

function recordClosure(db: SqliteDatabase, closure: Closure): void {
  const deal = prepared(db, `SELECT segment, latest_closure FROM ${INSIGHT_CITED_DEALS_TABLE} WHERE deal_id = ?`).get(closure.dealId) as
    | { segment: string | null; latest_closure: number }
    | undefined;
  // Deal events follow DealOpened in their stream; and only a newer closure moves the deal, so a
  // closure applied again cannot undo a later reopening.
  if (deal === undefined || deal.latest_closure >= closure.closure) return;
  prepared(db, `UPDATE ${INSIGHT_CLOSURES_TABLE} SET counts = 0 WHERE deal_id = ? AND counts = 1`).run(closure.dealId);
  prepared(
    db,
    `INSERT INTO ${INSIGHT_CLOSURES_TABLE} (deal_id, closure, outcome, segment, amount_minor, closed_at_ms, loss_reason, competitor, counts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (deal_id, closure) DO NOTHING`,
  ).run(
    closure.dealId,
    closure.closure,
    closure.outcome,
    deal.segment,
    closure.amountMinor,
    Date.parse(closure.closedAt),
    closure.lossReason ?? null,
    closure.competitor ?? null,
  );
  prepared(db, `UPDATE ${INSIGHT_CITED_DEALS_TABLE} SET latest_closure = ? WHERE deal_id = ?`).run(closure.closure, closure.dealId);
}

function closureOf(db: SqliteDatabase, retrospectiveId: string): ClosureKey | undefined {
  return prepared(db, `SELECT deal_id, closure FROM ${INSIGHT_RETROSPECTIVES_TABLE} WHERE retrospective_id = ?`).get(retrospectiveId) as
    | ClosureKey
    | undefined;
}

function dropUncited(db: SqliteDatabase, closure: ClosureKey): void {
  prepared(
    db,
    `DELETE FROM ${INSIGHT_CLOSURE_CODES_TABLE}
     WHERE deal_id = @deal_id AND closure = @closure AND by_marketing = 0 AND by_sales = 0 AND agreed = 0`,
  ).run(closure);
}
