import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * How hard SQLite waits for the disk on commit. In WAL mode FULL syncs the log on every commit, so
 * an acknowledged transaction survives a power loss; NORMAL syncs only at checkpoints and may lose
 * the last commits (never corrupting the file).
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface OpenSqliteDatabaseOptions {
  readonly synchronous: SqliteSynchronous;
  /** How long a write waits for another connection's write lock before failing; 5 s by default. */
  readonly busyTimeoutMs?: number;
  /** Pages SQLite keeps in memory for this connection, in KiB; 16 MiB by default (better-sqlite3's build of SQLite). */
  readonly cacheSizeKib?: number;
}

const SYNCHRONOUS_LEVELS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
export type SqliteSynchronousLevel = (typeof SYNCHRONOUS_LEVELS)[number];

/**
 * Opens (creating it and its folder when missing) a database file in WAL mode with the requested
 * durability, and checks that SQLite really applied both: a pragma SQLite does not accept is
 * silently ignored, and a file system without shared memory support keeps the old journal mode.
 * `:memory:` databases have no journal file, so only their synchronous setting is checked.
 */
export function openSqliteDatabase(file: string, options: OpenSqliteDatabaseOptions): SqliteDatabase {
  if (options.synchronous !== 'FULL' && options.synchronous !== 'NORMAL') {
    throw new Error(`SQLite synchronous must be FULL or NORMAL, not "${String(options.synchronous)}"`);
  }
  if (file !== ':memory:' && file !== '') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000))}`);
    if (options.cacheSizeKib !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.trunc(options.cacheSizeKib))}`);
    const journalMode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
    const expectedJournalMode = db.memory ? 'memory' : 'wal';
    if (journalMode !== expectedJournalMode) {
      throw new Error(`SQLite database ${file} is in journal mode "${journalMode}", not "${expectedJournalMode}"`);
    }
    db.pragma(`synchronous = ${options.synchronous}`);
    const synchronous = readSynchronous(db);
    if (synchronous !== options.synchronous) {
      throw new Error(`SQLite database ${file} runs with synchronous=${synchronous}, not ${options.synchronous} as asked`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The synchronous setting the connection actually runs with. */
export function readSynchronous(db: SqliteDatabase): SqliteSynchronousLevel {
  const level = Number(db.pragma('synchronous', { simple: true }));
  const name = SYNCHRONOUS_LEVELS[level];
  if (name === undefined) throw new Error(`Unknown SQLite synchronous level ${level}`);
  return name;
}

/** The journal mode of the connection ("wal" for files opened by openSqliteDatabase). */
export function readJournalMode(db: SqliteDatabase): string {
  return String(db.pragma('journal_mode', { simple: true })).toLowerCase();
}
