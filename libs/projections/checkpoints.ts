import type { Position } from '#event-store';
import { prepared, type SqliteDatabase } from '#sqlite';

export type ProjectionStatus = 'catching-up' | 'live' | 'failed' | 'stopped';

export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied or skipped; null before the first. */
  readonly position: Position | null;
  readonly status: ProjectionStatus;
  readonly lastError: string | null;
  readonly updatedAt: string;
}

interface CheckpointRow {
  name: string;
  version: number;
  position: string | null;
  status: ProjectionStatus;
  last_error: string | null;
  updated_at: string;
}

export const CHECKPOINT_TABLE = 'projection_checkpoints';

/** One row per projection, in the read-model database so it commits with the rows it vouches for. */
export class CheckpointTable {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        position TEXT,
        status TEXT NOT NULL,
        last_error TEXT,
        updated_at TEXT NOT NULL
      )`,
    ).run();
  }

  get(name: string): Checkpoint | undefined {
    const row = prepared(this.db, `SELECT * FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(name) as CheckpointRow | undefined;
    return row === undefined ? undefined : checkpointOf(row);
  }

  /** Forgets all progress: the projection starts again from the beginning of the log. */
  restart(name: string, version: number): void {
    prepared(this.db, 
        `INSERT INTO ${CHECKPOINT_TABLE} (name, version, position, status, last_error, updated_at)
         VALUES (?, ?, NULL, 'catching-up', NULL, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = NULL,
           status = excluded.status, last_error = NULL, updated_at = excluded.updated_at`,
      )
      .run(name, version, this.timestamp());
  }

  advance(name: string, position: Position, status: ProjectionStatus): void {
    prepared(this.db, `UPDATE ${CHECKPOINT_TABLE} SET position = ?, status = ?, last_error = NULL, updated_at = ? WHERE name = ?`)
      .run(position, status, this.timestamp(), name);
  }

  setStatus(name: string, status: ProjectionStatus, lastError: string | null = null): void {
    prepared(this.db, `UPDATE ${CHECKPOINT_TABLE} SET status = ?, last_error = ?, updated_at = ? WHERE name = ?`)
      .run(status, lastError, this.timestamp(), name);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

/** Every projection's checkpoint as the read models' database holds it (none before the first start). */
export function readCheckpoints(db: SqliteDatabase): Checkpoint[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(CHECKPOINT_TABLE);
  if (exists === undefined) return [];
  return (db.prepare(`SELECT * FROM ${CHECKPOINT_TABLE} ORDER BY name`).all() as CheckpointRow[]).map(checkpointOf);
}

const checkpointOf = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  version: row.version,
  position: row.position as Position | null,
  status: row.status,
  lastError: row.last_error,
  updatedAt: row.updated_at,
});
