import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '#event-store/sqlite';
import { ProgressBar } from '../progress-bar.js';
import { History, historySpan, type HistoryManifest, type HistoryOptions } from './history.js';

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

/**
 * The history of these options in `dataDir`: the one written there before when it is the same
 * (seed, size, first and last day), else a new one written into the empty directory. Another
 * history there is refused: two never mix.
 */
export async function ensureHistory(dataDir: string, options: HistoryOptions): Promise<{ manifest: HistoryManifest; written: WrittenHistory | undefined }> {
  const existing = readManifest(dataDir);
  if (existing !== undefined && existsSync(join(dataDir, EVENTS_FILE))) {
    const wanted = historySpan(options);
    const same = existing.seed === options.seed && existing.requestedEvents === options.events && existing.from === wanted.from && existing.until === wanted.until;
    if (!same) {
      throw new Error(`${dataDir} holds another history (seed ${existing.seed}, ${existing.requestedEvents} events, ${existing.from.slice(0, 10)} to ${existing.until.slice(0, 10)}); use another data directory`);
    }
    return { manifest: existing, written: undefined };
  }
  const written = await writeHistory(dataDir, options);
  return { manifest: written.manifest, written };
}
