// esdb-client-in-esdb-only: a context never sees EventStoreDB.
export type { EventStoreDBClient } from '@eventstore/db-client';
