import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '#event-store/sqlite';
import { ProgressBar } from '../progress-bar.js';
import { History, type HistoryManifest, type HistoryOptions } from './history.js';

export const EVENTS_FILE = 'events.sqlite';
export const MANIFEST_FILE = 'bench-manifest.json';

export interface WrittenHistory {
  readonly manifest: HistoryManifest;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Writes a history straight through the SQLite event store into `<dataDir>/events.sqlite`, the
 * file the service opens, one append per command. The store runs with synchronous=NORMAL here,
 * for speed: a generated history need not survive a power loss. The service then runs with FULL.
 */
export async function writeHistory(dataDir: string, options: HistoryOptions): Promise<WrittenHistory> {
  const file = join(dataDir, EVENTS_FILE);
  if (existsSync(file)) throw new Error(`${file} exists already: a history is written into an empty data directory`);
  const history = new History(options);
  const store = new SqliteEventStore(file, { synchronous: 'NORMAL' });
  const bar = new ProgressBar('writing the history', options.events);
  const started = performance.now();
  try {
    for (const batch of history.batches()) {
      await store.appendToStream(batch.stream, batch.events, { expectedRevision: batch.expectedRevision });
      bar.advance(batch.events.length);
    }
  } finally {
    await store.close();
    bar.finish();
  }
  const seconds = (performance.now() - started) / 1000;
  const manifest = history.manifest();
  writeFileSync(join(dataDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, seconds, eventsPerSecond: manifest.events / seconds };
}

/** The manifest of a history written earlier into `dataDir`, if there is one. */
export function readManifest(dataDir: string): HistoryManifest | undefined {
  const file = join(dataDir, MANIFEST_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HistoryManifest) : undefined;
}
