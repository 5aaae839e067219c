import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { rowsByKey } from '#projections';
import { currency, formatAmount, type Team } from '#shared';
import { READ_MODEL_DATABASE } from '#shared/application';
import type { GoalStatus } from '../../domain/index.js';
import { GOAL_ENDORSEMENTS_TABLE, GOAL_TARGET_HISTORY_TABLE, GOALS_TABLE } from './goal.projection.js';

/** A goal as the read model holds it: the scalar fields of the GraphQL SharedGoal, Decimal as exact strings. */
export interface GoalRow {
  readonly id: string;
  readonly name: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly target: string;
  readonly currency: string;
  readonly segment: string | null;
  readonly status: GoalStatus;
  readonly version: number;
}

export interface EndorsementRow {
  readonly team: Team;
  readonly by: string;
  readonly at: string;
}

export interface TargetChangeRow {
  readonly from: string | null;
  readonly to: string;
  readonly reason: string | null;
  readonly by: string;
  readonly at: string;
}

interface StoredGoal {
  id: string;
  name: string;
  period_start: string;
  period_end: string;
  target_minor: number;
  currency: string;
  segment: string | null;
  status: GoalStatus;
  proposed_at: string;
  closed_at: string | null;
  version: number;
}

interface StoredEndorsement {
  goal_id: string;
  team: Team;
  endorsed_by: string;
  endorsed_at: string;
}

interface StoredTargetChange {
  goal_id: string;
  currency: string;
  from_minor: number | null;
  to_minor: number;
  reason: string | null;
  changed_by: string;
  changed_at: string;
}

const toRow = (stored: StoredGoal): GoalRow => ({
  id: stored.id,
  name: stored.name,
  periodStart: stored.period_start,
  periodEnd: stored.period_end,
  target: formatAmount(stored.target_minor, currency(stored.currency)),
  currency: stored.currency,
  segment: stored.segment,
  status: stored.status,
  version: stored.version,
});

/** Reads the shared goals' read model. */
@Injectable()
export class GoalsReader {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase) {}

  byId(id: string): GoalRow | null {
    const stored = prepared(this.db, `SELECT * FROM ${GOALS_TABLE} WHERE id = ?`).get(id) as StoredGoal | undefined;
    return stored ? toRow(stored) : null;
  }

  /** One query for any number of ids, keyed by id; unknown ids are absent. */
  byIds(ids: readonly string[]): Map<string, GoalRow> {
    return rowsByKey<StoredGoal, GoalRow>(this.db, GOALS_TABLE, 'id', ids, toRow);
  }

  /** Every goal, optionally of one status, in the order they were proposed (ties by id). */
  list(status: GoalStatus | null): GoalRow[] {
    const stored = prepared(this.db, `SELECT * FROM ${GOALS_TABLE} WHERE (@status IS NULL OR status = @status) ORDER BY proposed_at, id`)
      .all({ status }) as StoredGoal[];
    return stored.map(toRow);
  }

  /** Each goal's current endorsements, MARKETING first, in one query; goals without any are absent. */
  endorsementsOf(goalIds: readonly string[]): Map<string, EndorsementRow[]> {
    const stored = prepared(this.db, `SELECT * FROM ${GOAL_ENDORSEMENTS_TABLE} WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id, team`)
      .all(JSON.stringify([...new Set(goalIds)])) as StoredEndorsement[];
    return groupBy(stored, (entry) => entry.goal_id, (entry) => ({ team: entry.team, by: entry.endorsed_by, at: entry.endorsed_at }));
  }

  /** Each goal's targets, the proposal's first, in one query. */
  targetHistoryOf(goalIds: readonly string[]): Map<string, TargetChangeRow[]> {
    const stored = prepared(this.db, 
        `SELECT h.goal_id, g.currency, h.from_minor, h.to_minor, h.reason, h.changed_by, h.changed_at
         FROM ${GOAL_TARGET_HISTORY_TABLE} h JOIN ${GOALS_TABLE} g ON g.id = h.goal_id
         WHERE h.goal_id IN (SELECT value FROM json_each(?))
         ORDER BY h.goal_id, h.revision`,
      )
      .all(JSON.stringify([...new Set(goalIds)])) as StoredTargetChange[];
    return groupBy(stored, (entry) => entry.goal_id, (entry) => {
      const cur = currency(entry.currency);
      return {
        from: entry.from_minor === null ? null : formatAmount(entry.from_minor, cur),
        to: formatAmount(entry.to_minor, cur),
        reason: entry.reason,
        by: entry.changed_by,
        at: entry.changed_at,
      };
    });
  }

  /**
   * The target in force at asOfMs for each goal, in minor units: that of the latest history entry
   * recorded at or before it. Goals not yet proposed then are absent.
   */
  targetsAt(goalIds: readonly string[], asOfMs: number): Map<string, number> {
    const stored = prepared(this.db, 
        `SELECT goal_id, to_minor FROM (
           SELECT goal_id, to_minor,
                  row_number() OVER (PARTITION BY goal_id ORDER BY revision DESC) AS latest
           FROM ${GOAL_TARGET_HISTORY_TABLE}
           WHERE goal_id IN (SELECT value FROM json_each(?)) AND recorded_at_ms <= ?
         ) WHERE latest = 1`,
      )
      .all(JSON.stringify([...new Set(goalIds)]), asOfMs) as { goal_id: string; to_minor: number }[];
    return new Map(stored.map((row) => [row.goal_id, row.to_minor]));
  }
}

function groupBy<Stored, Row>(rows: readonly Stored[], keyOf: (row: Stored) => string, toRow: (row: Stored) => Row): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(toRow(row));
    else groups.set(key, [toRow(row)]);
  }
  return groups;
}
