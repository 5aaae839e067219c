// EventStoreDB adapter: only the store and its factory leave this folder, never a client type.
export { EsdbEventStore, connectEsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
