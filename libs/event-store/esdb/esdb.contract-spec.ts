import { describeEventStoreContract } from '#event-store/testing';
import { connectEsdbEventStore } from './index.js';

// Runs against the server named by EVENTSTORE_CONNECTION_STRING, e.g.
//   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:esdb
// EventStoreDB positions are offsets in its transaction log, so they have gaps.
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'] || undefined;

describeEventStoreContract(
  'EventStoreDB',
  connectionString === undefined
    ? undefined
    : async () => {
        const store = await connectEsdbEventStore(connectionString, { deadlineMs: 10_000 });
        return { store, dispose: () => store.close() };
      },
  { gapFreePositions: false },
);
