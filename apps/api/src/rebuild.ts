import { ProjectionRunner, type ProjectionState, type RebuildProgress } from '#projections';
import type { AppConfig } from './config.js';
import { lockDataDir } from './core/data-dir-lock.js';
import { openEventStore, openReadModelDatabase } from './core/infrastructure.js';
import type { Logger } from './logger.js';
import { PROJECTIONS } from './projections.js';

/**
 * Empties the named read models (all when none is named) and projects the whole log into them
 * again. Offline: it holds the data directory's lock, so it refuses to run under a live service.
 */
export async function rebuildProjections(
  config: AppConfig,
  logger: Logger,
  names?: readonly string[],
  onProgress?: (progress: RebuildProgress) => void,
): Promise<ProjectionState[]> {
  const known = new Set(PROJECTIONS.map((projection) => projection.name));
  const unknown = (names ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown projection ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${[...known].join(', ')}`);
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const store = await openEventStore(config);
    try {
      const database = openReadModelDatabase(config);
      try {
        const runner = new ProjectionRunner({ store, database, logger, projections: PROJECTIONS });
        await runner.rebuild(names !== undefined && names.length > 0 ? names : undefined, onProgress);
        return runner.status();
      } finally {
        database.close();
      }
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
}
