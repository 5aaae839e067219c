import { defineProjection, knownSinceMs, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import { startOfDate } from '#shared';
import type { DealEvent } from '#deals';
import { ATTRIBUTION_MODELS, creditWonDeal, influencedBy, type AttributionModel, type Touch, type WonDeal } from '../../domain/index.js';

/** Name of the projection whose commits can move any goal's progress. */
export const DEAL_FACTS_PROJECTION = 'insights-deals';
export const INSIGHT_DEAL_FACTS_TABLE = 'insight_deal_facts';
export const INSIGHT_TOUCHES_TABLE = 'insight_touches';
/** Per deal: its last revision applied and since when that is known, whether or not it made facts. */
export const INSIGHT_DEAL_CLOCK_TABLE = 'insight_deal_clock';
/** One row: the latest moment any version became known, so "now" can read current versions alone. */
export const INSIGHT_DEAL_FACTS_KNOWN_TABLE = 'insight_deal_facts_known';

/** The models that split a win between the teams; SHARED credits both with all of it. */
export const SPLIT_MODELS = ATTRIBUTION_MODELS.filter((model): model is Exclude<AttributionModel, 'SHARED'> => model !== 'SHARED');
export type SplitModel = (typeof SPLIT_MODELS)[number];

/** The credit columns of one model and team: `linear_marketing_minor`, `linear_marketing_wins`. */
export function creditColumns(model: SplitModel, team: 'MARKETING' | 'SALES'): { readonly minor: string; readonly wins: string } {
  const prefix = `${model.toLowerCase()}_${team.toLowerCase()}`;
  return { minor: `${prefix}_minor`, wins: `${prefix}_wins` };
}

const CREDIT_COLUMNS = SPLIT_MODELS.flatMap((model) =>
  (['MARKETING', 'SALES'] as const).flatMap((team) => {
    const { minor, wins } = creditColumns(model, team);
    return [minor, wins];
  }),
);

/** One version of a deal's facts; money in minor units, instants in epoch ms. */
export interface DealFactsRow {
  readonly deal_id: string;
  readonly revision: number;
  /** Since when this version is known (its event's server time, never before the one before). */
  readonly known_from_ms: number;
  /** When the next version became known; null while this one is current. */
  readonly known_until_ms: number | null;
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly segment: string | null;
  readonly source: 'MARKETING' | 'SALES';
  readonly amount_minor: number;
  readonly opened_at_ms: number;
  readonly closed_at_ms: number | null;
  readonly expected_close_date: string | null;
  /**
   * Where the deal counts in a period: its close when WON or LOST, the start of its expected
   * close date when OPEN (null without one). One indexed range answers both.
   */
  readonly scope_ms: number | null;
  readonly closures: number;
  readonly influenced_marketing: number;
  readonly influenced_sales: number;
}

type Facts = Pick<
  DealFactsRow,
  'status' | 'segment' | 'source' | 'amount_minor' | 'opened_at_ms' | 'closed_at_ms' | 'expected_close_date' | 'closures'
>;

/**
 * Bitemporal deal facts as intervals of recorded time: a version of a deal's facts from the
 * moment it became known until the next version did, so "the deal as known at asOf" is the one
 * version whose interval holds asOf, and "now" is the version whose interval is still open.
 * Nothing already known is rewritten: a late-entered win is a new version, and earlier moments
 * keep their answer.
 *
 * A won version carries the deal's credit under every split model and whether each team
 * influenced it, computed from the touches known when the version was, so progress and the
 * scoreboard are sums over an indexed range of versions. A touch recorded after the win (late
 * data entry) makes a new version with the new credit.
 *
 * Events that change no fact (a stage move; a touch while the deal is not won) make no version,
 * but still move the deal's clock: the next version is never known before them. Each event
 * applies once: the deal's clock holds the last revision applied.
 */
export const dealFactsProjection = defineProjection<DealEvent>({
  name: DEAL_FACTS_PROJECTION,
  version: 3,
  tables: [INSIGHT_DEAL_FACTS_TABLE, INSIGHT_TOUCHES_TABLE, INSIGHT_DEAL_CLOCK_TABLE, INSIGHT_DEAL_FACTS_KNOWN_TABLE],
  setup(db) {
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE} (
        deal_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        known_from_ms INTEGER NOT NULL,
        known_until_ms INTEGER,
        status TEXT NOT NULL,
        segment TEXT,
        source TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        opened_at_ms INTEGER NOT NULL,
        closed_at_ms INTEGER,
        expected_close_date TEXT,
        scope_ms INTEGER,
        closures INTEGER NOT NULL,
        influenced_marketing INTEGER NOT NULL DEFAULT 0,
        influenced_sales INTEGER NOT NULL DEFAULT 0,
        ${CREDIT_COLUMNS.map((column) => `${column} ${column.endsWith('_wins') ? 'REAL' : 'INTEGER'}`).join(',\n        ')},
        PRIMARY KEY (deal_id, revision)
      )`,
    ).run();
    // Progress and the scoreboard read the versions of one status whose scope falls in a period,
    // over every segment or one; the interval of recorded time is checked on those rows alone.
    db.prepare(`CREATE INDEX IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE}_by_scope ON ${INSIGHT_DEAL_FACTS_TABLE} (status, scope_ms)`).run();
    db.prepare(
      `CREATE INDEX IF NOT EXISTS ${INSIGHT_DEAL_FACTS_TABLE}_by_segment_scope ON ${INSIGHT_DEAL_FACTS_TABLE} (segment, status, scope_ms)`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_TOUCHES_TABLE} (
        deal_id TEXT NOT NULL,
        touch_id TEXT NOT NULL,
        team TEXT NOT NULL,
        occurred_at_ms INTEGER NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        PRIMARY KEY (deal_id, touch_id)
      )`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_DEAL_FACTS_KNOWN_TABLE} (
        id INTEGER PRIMARY KEY CHECK (id = 0),
        latest_known_ms INTEGER NOT NULL
      )`,
    ).run();
    db.prepare(
      `CREATE TABLE IF NOT EXISTS ${INSIGHT_DEAL_CLOCK_TABLE} (
        deal_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        known_ms INTEGER NOT NULL
      )`,
    ).run();
  },
  handlers: {
    DealOpened(event, db) {
      const d = event.data;
      apply(db, event, () => ({
        status: 'OPEN',
        segment: d.segment,
        source: d.source,
        amount_minor: d.amountMinor,
        opened_at_ms: Date.parse(d.openedAt),
        closed_at_ms: null,
        expected_close_date: d.expectedCloseDate,
        closures: 0,
      }));
    },
    DealTouchRecorded(event, db) {
      const d = event.data;
      apply(db, event, (current, knownMs) => {
        // A touch id is recorded once (a repeat with other data is refused), so the first row stands.
        prepared(
          db,
          `INSERT INTO ${INSIGHT_TOUCHES_TABLE} (deal_id, touch_id, team, occurred_at_ms, recorded_at_ms)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (deal_id, touch_id) DO NOTHING`,
        ).run(d.dealId, d.touchId, d.team, Date.parse(d.occurredAt), knownMs);
        // Only a won deal's credit depends on its touches; the next win counts this one.
        return current?.status === 'WON' ? current : undefined;
      });
    },
    DealStageMoved(event, db) {
      apply(db, event, () => undefined);
    },
    DealRevised(event, db) {
      apply(db, event, (current) =>
        current && { ...current, amount_minor: event.data.amountMinor, expected_close_date: event.data.expectedCloseDate },
      );
    },
    DealWon(event, db) {
      const d = event.data;
      apply(db, event, (current) =>
        current && { ...current, status: 'WON', amount_minor: d.amountMinor, closed_at_ms: Date.parse(d.closedAt), closures: d.closure },
      );
    },
    DealLost(event, db) {
      const d = event.data;
      apply(db, event, (current) =>
        current && { ...current, status: 'LOST', amount_minor: d.amountMinor, closed_at_ms: Date.parse(d.closedAt), closures: d.closure },
      );
    },
    DealReopened(event, db) {
      // The closure stays in the log; for progress the deal is open again and has no close.
      apply(db, event, (current) => current && { ...current, status: 'OPEN', closed_at_ms: null });
    },
  },
});

interface Clock {
  readonly revision: number;
  readonly known_ms: number;
}

/**
 * Applies one deal event: moves the deal's clock, and when `next` returns facts, closes the
 * current version at this event's known time and opens a new one from it.
 */
function apply(
  db: SqliteDatabase,
  event: Recorded<DealEvent>,
  next: (current: Facts | undefined, knownMs: number) => Facts | undefined,
): void {
  const dealId = event.data.dealId;
  const clock = prepared(db, `SELECT revision, known_ms FROM ${INSIGHT_DEAL_CLOCK_TABLE} WHERE deal_id = ?`).get(dealId) as Clock | undefined;
  // Already applied: the checkpoint normally prevents it, this keeps a replay harmless anyway.
  if (clock !== undefined && clock.revision >= event.revision) return;
  // Deal events other than the opening follow DealOpened in their stream.
  if (clock === undefined && event.type !== 'DealOpened') return;
  const knownMs = knownSinceMs(event, clock?.known_ms);
  prepared(
    db,
    `INSERT INTO ${INSIGHT_DEAL_CLOCK_TABLE} (deal_id, revision, known_ms) VALUES (?, ?, ?)
     ON CONFLICT (deal_id) DO UPDATE SET revision = excluded.revision, known_ms = excluded.known_ms`,
  ).run(dealId, event.revision, knownMs);
  const current = clock === undefined ? undefined : currentFacts(db, dealId);
  const facts = next(current, knownMs);
  if (facts === undefined) return;
  if (current !== undefined) {
    prepared(db, `UPDATE ${INSIGHT_DEAL_FACTS_TABLE} SET known_until_ms = ? WHERE deal_id = ? AND known_until_ms IS NULL`).run(knownMs, dealId);
  }
  const won = facts.status === 'WON' ? wonDeal(db, dealId, facts) : undefined;
  const credit = Object.fromEntries(
    SPLIT_MODELS.flatMap((model) => {
      const shares = won === undefined ? undefined : creditWonDeal(won, model);
      return (['MARKETING', 'SALES'] as const).flatMap((team) => {
        const { minor, wins } = creditColumns(model, team);
        return [
          [minor, shares === undefined ? null : shares[team].revenueMinor],
          [wins, shares === undefined ? null : shares[team].wins],
        ];
      });
    }),
  );
  prepared(
    db,
    `INSERT INTO ${INSIGHT_DEAL_FACTS_KNOWN_TABLE} (id, latest_known_ms) VALUES (0, ?)
     ON CONFLICT (id) DO UPDATE SET latest_known_ms = max(latest_known_ms, excluded.latest_known_ms)`,
  ).run(knownMs);
  insertVersion(db).run({
    ...facts,
    ...credit,
    deal_id: dealId,
    revision: event.revision,
    known_from_ms: knownMs,
    scope_ms: scopeOf(facts),
    influenced_marketing: won !== undefined && influencedBy(won, 'MARKETING') ? 1 : 0,
    influenced_sales: won !== undefined && influencedBy(won, 'SALES') ? 1 : 0,
  });
}

function currentFacts(db: SqliteDatabase, dealId: string): Facts | undefined {
  return prepared(
    db,
    `SELECT status, segment, source, amount_minor, opened_at_ms, closed_at_ms, expected_close_date, closures
     FROM ${INSIGHT_DEAL_FACTS_TABLE} WHERE deal_id = ? AND known_until_ms IS NULL`,
  ).get(dealId) as Facts | undefined;
}

function insertVersion(db: SqliteDatabase) {
  const columns = [
    'deal_id',
    'revision',
    'known_from_ms',
    'status',
    'segment',
    'source',
    'amount_minor',
    'opened_at_ms',
    'closed_at_ms',
    'expected_close_date',
    'scope_ms',
    'closures',
    'influenced_marketing',
    'influenced_sales',
    ...CREDIT_COLUMNS,
  ];
  return prepared(
    db,
    `INSERT INTO ${INSIGHT_DEAL_FACTS_TABLE} (${columns.join(', ')})
     VALUES (${columns.map((column) => `@${column}`).join(', ')})
     ON CONFLICT (deal_id, revision) DO NOTHING`,
  );
}

/** The won deal as crediting sees it, with every touch known so far. */
function wonDeal(db: SqliteDatabase, dealId: string, facts: Facts): WonDeal {
  const touches = prepared(
    db,
    `SELECT touch_id AS id, team, occurred_at_ms AS occurredAt FROM ${INSIGHT_TOUCHES_TABLE} WHERE deal_id = ? ORDER BY touch_id`,
  ).all(dealId) as Touch[];
  return {
    amountMinor: BigInt(facts.amount_minor),
    source: facts.source,
    openedAt: facts.opened_at_ms,
    // A won version always carries its close.
    closedAt: facts.closed_at_ms ?? facts.opened_at_ms,
    touches,
  };
}

function scopeOf(facts: Facts): number | null {
  if (facts.status !== 'OPEN') return facts.closed_at_ms;
  return facts.expected_close_date === null ? null : startOfDate(facts.expected_close_date);
}
