// Clean: the SQLite adapter talks to better-sqlite3 and builds on the port.
export type { Database } from 'better-sqlite3';
export type { DomainError } from '#shared';
export type { EventStore } from '../../event-store.js';
