import { defineProjection, knownSinceMs, provenanceOf, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { GoalEvent } from '../../domain/index.js';

export const GOALS_PROJECTION = 'goals';
export const GOALS_TABLE = 'goal_goals';
export const GOAL_ENDORSEMENTS_TABLE = 'goal_endorsements';
export const GOAL_TARGET_HISTORY_TABLE = 'goal_target_history';

/**
 * Shared goals as the GraphQL SharedGoal shows them, their current endorsements, and every target
 * they had with the server time it was recorded, so that progress can be asked "as of" any moment.
 *
 * The goal row's `version` is the revision of the last event it includes: an event at or below it
 * was applied already and changes nothing, so every handler is idempotent behind one guard.
 */
export const goalsProjection = defineProjection<GoalEvent>({
  name: GOALS_PROJECTION,
  version: 2,
  tables: [GOALS_TABLE, GOAL_ENDORSEMENTS_TABLE, GOAL_TARGET_HISTORY_TABLE],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${GOALS_TABLE} (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        target_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        segment TEXT,
        status TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        closed_at TEXT,
        version INTEGER NOT NULL
      )`,
    ).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${GOALS_TABLE}_by_status ON ${GOALS_TABLE} (status, proposed_at, id)`).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${GOALS_TABLE}_by_proposal ON ${GOALS_TABLE} (proposed_at, id)`).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${GOAL_ENDORSEMENTS_TABLE} (
        goal_id TEXT NOT NULL,
        team TEXT NOT NULL,
        endorsed_by TEXT NOT NULL,
        endorsed_at TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (goal_id, team)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${GOAL_TARGET_HISTORY_TABLE} (
        goal_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        from_minor INTEGER,
        to_minor INTEGER NOT NULL,
        reason TEXT,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        PRIMARY KEY (goal_id, revision)
      )`,
    ).run();
    // "The target in force at asOf" looks up the latest entry recorded at or before it.
    prepared(db, 
      `CREATE INDEX IF NOT EXISTS ${GOAL_TARGET_HISTORY_TABLE}_by_recording ON ${GOAL_TARGET_HISTORY_TABLE} (goal_id, recorded_at_ms, revision)`,
    ).run();
  },
  handlers: {
    SharedGoalProposed(event, db) {
      const d = event.data;
      const inserted = prepared(db, 
          `INSERT INTO ${GOALS_TABLE}
             (id, name, period_start, period_end, target_minor, currency, segment, status, proposed_at, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)
           ON CONFLICT (id) DO NOTHING`,
        )
        .run(d.goalId, d.name, d.periodStart, d.periodEnd, d.targetMinor, d.currency, d.segment, d.proposedAt, event.revision);
      if (inserted.changes === 0) return;
      recordTarget(db, event, { fromMinor: null, toMinor: d.targetMinor, reason: null, by: d.proposedBy, at: d.proposedAt });
    },
    SharedGoalEndorsed(event, db) {
      if (!advance(db, event, {})) return;
      const { goalId, team, by, at } = event.data;
      prepared(db, 
        `INSERT INTO ${GOAL_ENDORSEMENTS_TABLE} (goal_id, team, endorsed_by, endorsed_at, revision) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (goal_id, team) DO UPDATE SET endorsed_by = excluded.endorsed_by, endorsed_at = excluded.endorsed_at, revision = excluded.revision`,
      ).run(goalId, team, by, at, event.revision);
    },
    SharedGoalActivated(event, db) {
      advance(db, event, { status: 'ACTIVE' });
    },
    SharedGoalTargetRevised(event, db) {
      const d = event.data;
      if (!advance(db, event, { status: 'PROPOSED', target_minor: d.toMinor })) return;
      prepared(db, 
        `DELETE FROM ${GOAL_ENDORSEMENTS_TABLE} WHERE goal_id = ? AND team IN (SELECT value FROM json_each(?))`,
      ).run(d.goalId, JSON.stringify(d.clearedEndorsements));
      recordTarget(db, event, { fromMinor: d.fromMinor, toMinor: d.toMinor, reason: d.reason, by: d.by, at: d.at });
    },
    SharedGoalClosed(event, db) {
      advance(db, event, { status: 'CLOSED', closed_at: event.data.at });
    },
  },
});

type GoalColumn = 'status' | 'target_minor' | 'closed_at';

/** Sets the columns and the version; false when the row already includes this event. */
function advance(db: SqliteDatabase, event: Recorded<GoalEvent>, columns: Partial<Record<GoalColumn, string | number | null>>): boolean {
  const entries = Object.entries(columns);
  const assignments = [...entries.map(([column]) => `${column} = ?`), 'version = ?'].join(', ');
  const result = prepared(db, `UPDATE ${GOALS_TABLE} SET ${assignments} WHERE id = ? AND version < ?`)
    .run(...entries.map(([, value]) => value), event.revision, event.data.goalId, event.revision);
  return result.changes > 0;
}

interface TargetEntry {
  readonly fromMinor: number | null;
  readonly toMinor: number;
  readonly reason: string | null;
  readonly by: string;
  readonly at: string;
}

function recordTarget(db: SqliteDatabase, event: Recorded<GoalEvent>, entry: TargetEntry): void {
  // Bitemporal queries ask what was *recorded* by a moment: the log's time, not the event's own,
  // and a revision of the target is never known before the one it revises.
  const { recordedAt } = provenanceOf(event);
  const previous = prepared(db, `SELECT max(recorded_at_ms) FROM ${GOAL_TARGET_HISTORY_TABLE} WHERE goal_id = ? AND revision < ?`)
    .pluck()
    .get(event.data.goalId, event.revision) as number | null;
  const recordedAtMs = knownSinceMs(event, previous);
  prepared(db, 
    `INSERT INTO ${GOAL_TARGET_HISTORY_TABLE}
       (goal_id, revision, from_minor, to_minor, reason, changed_by, changed_at, recorded_at, recorded_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (goal_id, revision) DO NOTHING`,
  ).run(event.data.goalId, event.revision, entry.fromMinor, entry.toMinor, entry.reason, entry.by, entry.at, recordedAt, recordedAtMs);
}
