import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './open-sqlite-database.js';

export type SqliteStatement = Database.Statement;

const statements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

/**
 * The statement for `source` on this connection, compiled the first time it is asked for and
 * reused after: readers and projections run the same few statements for every request and every
 * event, and compiling them each time costs more than running them. SQLite recompiles a kept
 * statement by itself when the schema changes under it (a read model rebuilt, say).
 */
export function prepared(db: SqliteDatabase, source: string): SqliteStatement {
  let cache = statements.get(db);
  if (cache === undefined) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(source);
  if (statement === undefined) {
    statement = db.prepare(source);
    cache.set(source, statement);
  }
  return statement;
}
