// The embedded event store on SQLite.
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
