import { describeEventStoreContract } from '#event-store/testing';
import { InMemoryEventStore } from './index.js';

describeEventStoreContract(
  'In-memory',
  async () => {
    const store = new InMemoryEventStore();
    return { store, dispose: () => store.close() };
  },
  { gapFreePositions: true },
);
