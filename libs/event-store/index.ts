// The port only: adapters are imported from their own entry points (#event-store/in-memory,
// #event-store/sqlite, #event-store/esdb) so that no caller loads a driver it does not use.
export * from './event.js';
export * from './expected-revision.js';
export * from './errors.js';
export * from './event-store.js';
export { MAX_APPEND_BYTES, normalizeEventId } from './new-events.js';
export { IDLE_WAKE_AFTER_COMMITS } from './local-subscription.js';
