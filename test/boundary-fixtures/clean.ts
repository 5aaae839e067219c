// Clean: tests reach everything below them through entry points, #api included.
export type { AppConfig } from '#api';
export type { DealEvent } from '#deals';
export type { describeEventStoreContract } from '#event-store/testing';
export type { expectEventually } from '../support/expect-eventually.js';
