import { defineProjection, knownSinceMs, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealEvent } from '#deals';

/** Name of the projection whose commits can move any goal's progress. */
export const DEAL_FACTS_PROJECTION = 'insights-deals';
export const INSIGHT_DEAL_FACTS_TABLE = 'insight_deal_facts';
export const INSIGHT_TOUCHES_TABLE = 'insight_touches';

/** One deal's facts after one of its events; money in minor units, instants in epoch ms. */
export interface DealFactsRow {
  readonly deal_id: string;
  readonly revision: number;
  readonly recorded_at_ms: number;
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly segment: string | null;
  readonly source: 'MARKETING' | 'SALES';
  readonly amount_minor: number;
  readonly opened_at_ms: number;
  readonly closed_at_ms: number | null;
  readonly expected_close_date: string | null;
  readonly closures: number;
}

export interface TouchFactsRow {
  readonly deal_id: string;
  readonly touch_id: string;
  readonly team: 'MARKETING' | 'SALES';
  readonly occurred_at_ms: number;
  readonly recorded_at_ms: number;
}

/**
 * Bitemporal deal facts: a snapshot of each deal after every one of its events, stamped with the
 * server time the event was recorded, so "the deal as known at asOf" is its latest snapshot
 * recorded at or before asOf. Nothing is ever updated in place: a late-entered win is a new
 * snapshot with a late recorded_at_ms, and earlier moments keep their answer.
 *
 * Rows are keyed by (deal, revision) and each snapshot is derived from the one just before it,
 * so applying an event again writes the same row.
 */
export const dealFactsProjection = defineProjection<DealEvent>({
  name: DEAL_FACTS_PROJECTION,
  version: 2,
  tables: [INSIGHT_DEAL_FACTS_TABLE, INSIGHT_TOUCHES_TABLE],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE} (
        deal_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        segment TEXT,
        source TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        opened_at_ms INTEGER NOT NULL,
        closed_at_ms INTEGER,
        expected_close_date TEXT,
        closures INTEGER NOT NULL,
        PRIMARY KEY (deal_id, revision)
      )`,
    ).run();
    // As-of reads pick, per deal, the latest revision recorded by then, within a segment or not.
    prepared(db, 
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE}_by_recording ON ${INSIGHT_DEAL_FACTS_TABLE} (recorded_at_ms, deal_id, revision)`,
    ).run();
    prepared(db, 
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE}_by_segment ON ${INSIGHT_DEAL_FACTS_TABLE} (segment, recorded_at_ms)`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_TOUCHES_TABLE} (
        deal_id TEXT NOT NULL,
        touch_id TEXT NOT NULL,
        team TEXT NOT NULL,
        occurred_at_ms INTEGER NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        PRIMARY KEY (deal_id, touch_id)
      )`,
    ).run();
  },
  handlers: {
    DealOpened(event, db) {
      const d = event.data;
      writeSnapshot(db, event, {
        status: 'OPEN',
        segment: d.segment,
        source: d.source,
        amount_minor: d.amountMinor,
        opened_at_ms: Date.parse(d.openedAt),
        closed_at_ms: null,
        expected_close_date: d.expectedCloseDate,
        closures: 0,
      });
    },
    DealTouchRecorded(event, db) {
      const d = event.data;
      const previous = previousFacts(db, event);
      if (previous === undefined) return;
      // A touch id is recorded once (a repeat with other data is refused), so the first row stands.
      prepared(db, 
        `INSERT INTO ${INSIGHT_TOUCHES_TABLE} (deal_id, touch_id, team, occurred_at_ms, recorded_at_ms)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (deal_id, touch_id) DO NOTHING`,
      ).run(d.dealId, d.touchId, d.team, Date.parse(d.occurredAt), knownSinceMs(event, previous.recorded_at_ms));
      carryForward(db, event, {});
    },
    DealStageMoved(event, db) {
      carryForward(db, event, {});
    },
    DealRevised(event, db) {
      carryForward(db, event, { amount_minor: event.data.amountMinor, expected_close_date: event.data.expectedCloseDate });
    },
    DealWon(event, db) {
      const d = event.data;
      carryForward(db, event, { status: 'WON', amount_minor: d.amountMinor, closed_at_ms: Date.parse(d.closedAt), closures: d.closure });
    },
    DealLost(event, db) {
      const d = event.data;
      carryForward(db, event, { status: 'LOST', amount_minor: d.amountMinor, closed_at_ms: Date.parse(d.closedAt), closures: d.closure });
    },
    DealReopened(event, db) {
      // The closure stays in the log; for progress the deal is open again and has no close.
      carryForward(db, event, { status: 'OPEN', closed_at_ms: null });
    },
  },
});

type Facts = Omit<DealFactsRow, 'deal_id' | 'revision' | 'recorded_at_ms'>;

function previousFacts(db: SqliteDatabase, event: Recorded<DealEvent>): DealFactsRow | undefined {
  return prepared(db, `SELECT * FROM ${INSIGHT_DEAL_FACTS_TABLE} WHERE deal_id = ? AND revision < ? ORDER BY revision DESC LIMIT 1`)
    .get(event.data.dealId, event.revision) as DealFactsRow | undefined;
}

function carryForward(db: SqliteDatabase, event: Recorded<DealEvent>, changes: Partial<Facts>): void {
  const previous = previousFacts(db, event);
  // Deal events always follow DealOpened in their stream; without it there is nothing to carry.
  if (previous === undefined) return;
  const { deal_id: _id, revision: _revision, recorded_at_ms: previousKnownSince, ...facts } = previous;
  writeSnapshot(db, event, { ...facts, ...changes }, previousKnownSince);
}

function writeSnapshot(db: SqliteDatabase, event: Recorded<DealEvent>, facts: Facts, previousKnownSince: number | null = null): void {
  prepared(db, 
    `INSERT INTO ${INSIGHT_DEAL_FACTS_TABLE}
       (deal_id, revision, recorded_at_ms, status, segment, source, amount_minor, opened_at_ms, closed_at_ms,
        expected_close_date, closures)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (deal_id, revision) DO NOTHING`,
  ).run(
    event.data.dealId,
    event.revision,
    knownSinceMs(event, previousKnownSince),
    facts.status,
    facts.segment,
    facts.source,
    facts.amount_minor,
    facts.opened_at_ms,
    facts.closed_at_ms,
    facts.expected_close_date,
    facts.closures,
  );
}
