// better-sqlite3-in-storage-only: the app wires the storage libs, not the driver.
export type { Database } from 'better-sqlite3';
