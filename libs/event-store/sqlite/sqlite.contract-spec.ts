import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '#event-store/testing';
import { SqliteEventStore } from './index.js';

describeEventStoreContract(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-contract-'));
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(file);
    // Another program on the same file, as the fixtures need it: it bypasses the adapter.
    const other = new Database(file);
    return {
      store,
      dispose: async () => {
        await store.close();
        other.close();
        rmSync(dir, { recursive: true, force: true });
      },
      fixtures: {
        truncateStream: async (stream, revision) => {
          other.prepare('DELETE FROM events WHERE stream = ? AND revision < ?').run(stream, revision);
        },
        appendForeign: async (stream, event) => {
          other
            .prepare(
              `INSERT INTO events (position, stream, revision, event_id, type, data, metadata)
               SELECT COALESCE(MAX(position), 0) + 1,
                      ?, (SELECT COALESCE(MAX(revision), -1) + 1 FROM events WHERE stream = ?), ?, ?, ?, '{}'
               FROM events`,
            )
            .run(stream, stream, event.id, event.type, event.data);
        },
      },
    };
  },
  { gapFreePositions: true, eventIdsUniqueInLog: true },
);
