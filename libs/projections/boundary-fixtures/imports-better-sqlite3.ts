// better-sqlite3-in-storage-only: projections open SQLite through #event-store/sqlite.
export type { Database } from 'better-sqlite3';
