import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '#event-store/testing';
import { SqliteEventStore } from './index.js';

describeEventStoreContract(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-contract-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { gapFreePositions: true },
);
