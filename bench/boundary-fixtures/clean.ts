// Clean: the bench reaches the app and the libs through their entry points.
export type { AppConfig } from '#api';
export type { DealEvent } from '#deals';
export type { SqliteEventStore } from '#event-store/sqlite';
export type { SqliteDatabase } from '#sqlite';
export type { History } from '../generator/history.js';
