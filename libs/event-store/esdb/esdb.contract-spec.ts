import { EventStoreDBClient, binaryEvent } from '@eventstore/db-client';
import { describeEventStoreContract } from '#event-store/testing';
import { connectEsdbEventStore } from './index.js';

// Runs against the server named by EVENTSTORE_CONNECTION_STRING, e.g.
//   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:esdb
// EventStoreDB positions are offsets in its transaction log, so they have gaps. The server must
// run with its default MaxAppendSize (1 MiB).
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'] || undefined;

describeEventStoreContract(
  'EventStoreDB',
  connectionString === undefined
    ? undefined
    : async () => {
        const store = await connectEsdbEventStore(connectionString, { deadlineMs: 10_000 });
        // What the fixtures do, another program does with its own connection.
        const other = EventStoreDBClient.connectionString(connectionString);
        return {
          store,
          dispose: async () => {
            await store.close();
            await other.dispose();
          },
          fixtures: {
            truncateStream: async (stream, revision) => {
              await other.setStreamMetadata(stream, { truncateBefore: revision }, { requiresLeader: true });
            },
            appendForeign: async (stream, event) => {
              await other.appendToStream(stream, binaryEvent({ id: event.id, type: event.type, data: Buffer.from(event.data) }));
            },
          },
        };
      },
  { gapFreePositions: false, eventIdsUniqueInLog: false },
);
