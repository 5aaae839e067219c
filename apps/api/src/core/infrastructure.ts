import { join } from 'node:path';
import type { EventStore } from '#event-store';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import type { AppConfig } from '../config.js';

/** Opens the configured event store; an unreachable EventStoreDB is a clear error, not a hang. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStore === 'esdb') {
    const { connectEsdbEventStore } = await import('#event-store/esdb');
    return connectEsdbEventStore(config.eventStoreConnectionString!, { deadlineMs: 10_000 });
  }
  const { SqliteEventStore } = await import('#event-store/sqlite');
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), { synchronous: config.sqliteSynchronous });
}

/**
 * The read models' database, beside the service. It is rebuilt from the log, so it trades the
 * last transactions on power loss (NORMAL) for speed; the projections' checkpoints commit with
 * their rows, so a lost tail is simply projected again. Its indexes are keyed by ids that arrive
 * in no order, so with the default 16 MiB of cache a large history is written a page read at a
 * time: 64 MiB keeps the hot pages of a million events' read models in memory (a rebuild of 1M
 * events went from 3.4k to about 8k events/s).
 */
export function openReadModelDatabase(config: AppConfig): SqliteDatabase {
  return openSqliteDatabase(join(config.dataDir, 'read-models.sqlite'), { synchronous: 'NORMAL', cacheSizeKib: READ_MODEL_CACHE_KIB });
}

const READ_MODEL_CACHE_KIB = 64 * 1024;
