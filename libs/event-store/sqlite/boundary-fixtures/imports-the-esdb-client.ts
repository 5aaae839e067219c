// esdb-client-in-esdb-only: EventStoreDB's types stay in its adapter, even inside the event store.
export type { EventStoreDBClient } from '@eventstore/db-client';
