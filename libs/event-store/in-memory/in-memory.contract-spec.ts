import { describeEventStoreContract } from '#event-store/testing';
import { InMemoryEventStore } from './index.js';

describeEventStoreContract(
  'In-memory',
  async () => {
    const store = new InMemoryEventStore();
    return {
      store,
      dispose: () => store.close(),
      fixtures: {
        truncateStream: async (stream, revision) => store.truncateStream(stream, revision),
        appendForeign: async (stream, event) => {
          store.appendForeign(stream, event);
        },
      },
    };
  },
  { gapFreePositions: true, eventIdsUniqueInLog: true },
);
