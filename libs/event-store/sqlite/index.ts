// The only entry point to better-sqlite3: the event store, and the helper other libs use to open
// their own database files with the same checked durability settings.
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export {
  openSqliteDatabase,
  readJournalMode,
  readSynchronous,
  type OpenSqliteDatabaseOptions,
  type SqliteDatabase,
  type SqliteSynchronous,
  type SqliteSynchronousLevel,
} from './open-sqlite-database.js';
