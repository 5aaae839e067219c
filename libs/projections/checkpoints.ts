import type { Position } from '#event-store';
import { prepared, type SqliteDatabase } from '#sqlite';

/**
 * `unavailable`: the event store cannot be reached; the projection waits for it, resubscribing
 * with a capped backoff, and goes on from its checkpoint once it answers again.
 */
export type ProjectionStatus = 'catching-up' | 'live' | 'unavailable' | 'failed' | 'stopped';

/** The event store as a runner saw it when it started: which log, and how far it reached. */
export interface LogSeen {
  /** The store's identity(): positions of one log mean nothing in another. */
  readonly identity: string;
  /** Position of the last event of the log; null while it is empty. */
  readonly head: Position | null;
}

export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied or skipped; null before the first. */
  readonly position: Position | null;
  readonly status: ProjectionStatus;
  readonly lastError: string | null;
  readonly updatedAt: string;
  /** The log the position belongs to, as last seen; null for a checkpoint written before it was kept. */
  readonly log: LogSeen | null;
}

interface CheckpointRow {
  name: string;
  version: number;
  position: string | null;
  status: ProjectionStatus;
  last_error: string | null;
  updated_at: string;
  store_id: string | null;
  store_head: string | null;
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
        updated_at TEXT NOT NULL,
        store_id TEXT,
        store_head TEXT
      )`,
    ).run();
    // Tables made before the log's identity was kept gain its columns, empty.
    const columns = new Set((db.prepare(`PRAGMA table_info(${CHECKPOINT_TABLE})`).all() as { name: string }[]).map((column) => column.name));
    for (const column of ['store_id', 'store_head']) {
      if (!columns.has(column)) db.prepare(`ALTER TABLE ${CHECKPOINT_TABLE} ADD COLUMN ${column} TEXT`).run();
    }
  }

  get(name: string): Checkpoint | undefined {
    const row = prepared(this.db, `SELECT * FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(name) as CheckpointRow | undefined;
    return row === undefined ? undefined : checkpointOf(row);
  }

  /** Forgets all progress: the projection starts again from the beginning of this log. */
  restart(name: string, version: number, log: LogSeen): void {
    prepared(this.db, 
        `INSERT INTO ${CHECKPOINT_TABLE} (name, version, position, status, last_error, updated_at, store_id, store_head)
         VALUES (?, ?, NULL, 'catching-up', NULL, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = NULL,
           status = excluded.status, last_error = NULL, updated_at = excluded.updated_at,
           store_id = excluded.store_id, store_head = excluded.store_head`,
      )
      .run(name, version, this.timestamp(), log.identity, log.head);
  }

  /** Records the log the projection goes on with, as it is now. */
  seen(name: string, log: LogSeen): void {
    prepared(this.db, `UPDATE ${CHECKPOINT_TABLE} SET store_id = ?, store_head = ?, updated_at = ? WHERE name = ?`)
      .run(log.identity, log.head, this.timestamp(), name);
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
  log: row.store_id === null ? null : { identity: row.store_id, head: row.store_head as Position | null },
});
