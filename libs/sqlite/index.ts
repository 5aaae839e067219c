// better-sqlite3 behind one opener with checked durability settings: the SQLite event store and
// the read models (which live in SQLite whichever event store the service runs on) both use it.
export {
  openSqliteDatabase,
  readJournalMode,
  readSynchronous,
  type OpenSqliteDatabaseOptions,
  type SqliteDatabase,
  type SqliteSynchronous,
  type SqliteSynchronousLevel,
} from './open-sqlite-database.js';
export { prepared, type SqliteStatement } from './prepared.js';
export { backupSqliteDatabase } from './backup.js';
