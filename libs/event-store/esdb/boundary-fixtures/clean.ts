// Clean: the EventStoreDB adapter talks to its client.
export type { EventStoreDBClient } from '@eventstore/db-client';
