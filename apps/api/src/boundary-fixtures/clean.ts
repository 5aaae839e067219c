// Clean: the app wires libs through their entry points and its own files.
export type { DealsModule } from '#deals';
export type { SqliteEventStore } from '#event-store/sqlite';
export type { AppConfig } from '../config.js';
