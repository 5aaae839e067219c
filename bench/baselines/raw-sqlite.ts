import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteDatabase, type SqliteSynchronous } from '#sqlite';
import { loadAverage, type RateFigure } from '../report/figures.js';

// The ceilings the service is held against, measured with better-sqlite3 alone (through the
// project's one opener, which only sets WAL, the durability level and a busy timeout).

/** The events table as libs/event-store/sqlite/sqlite-event-store.ts creates it. */
const EVENTS_TABLE = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    stream   TEXT    NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 0),
    event_id TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    metadata TEXT    NOT NULL,
    UNIQUE (stream, revision),
    UNIQUE (event_id)
  );
  CREATE INDEX events_by_type ON events (type, position);
`;

/**
 * Single-row appends into a fresh events table, one IMMEDIATE transaction per row (as the
 * service appends one command), for `seconds`: the most appends per second this disk allows at
 * that durability. The file sits in `dir`, on the same file system as the service's.
 */
export function rawAppends(dir: string, synchronous: SqliteSynchronous, seconds: number): RateFigure {
  const file = join(dir, `raw-appends-${synchronous.toLowerCase()}.sqlite`);
  const remove = () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${file}${suffix}`, { force: true }));
  remove();
  const db = openSqliteDatabase(file, { synchronous });
  const load = loadAverage();
  try {
    db.exec(EVENTS_TABLE);
    const insert = db.prepare('INSERT INTO events (position, stream, revision, event_id, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?, ?)');
    const append = db.transaction((position: number) => {
      const dealId = randomUUID();
      insert.run(
        position,
        `deal-${dealId}`,
        randomUUID(),
        'DealTouchRecorded',
        JSON.stringify({ dealId, touchId: randomUUID(), team: 'MARKETING', channel: 'webinar', campaign: '2026-Q3-product-launch', occurredAt: new Date().toISOString() }),
        JSON.stringify({ actor: 'marketing-01', team: 'MARKETING', recordedAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID() }),
      );
    });
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let count = 0;
    while (performance.now() < deadline) append.immediate(++count);
    const elapsed = (performance.now() - started) / 1000;
    return { count, seconds: elapsed, perSecond: count / elapsed, loadAverage: load };
  } finally {
    db.close();
    remove();
  }
}

/**
 * Reads the whole log in position order and parses every event's data and metadata: the least
 * any projection of the log must do, so a rebuild is held against it.
 */
export function rawReadAndParse(eventsFile: string): RateFigure {
  const db = openSqliteDatabase(eventsFile, { synchronous: 'NORMAL' });
  const load = loadAverage();
  try {
    const rows = db.prepare<[], { position: number; stream: string; revision: number; event_id: string; type: string; data: string; metadata: string }>(
      'SELECT position, stream, revision, event_id, type, data, metadata FROM events ORDER BY position',
    );
    const started = performance.now();
    let count = 0;
    let check = 0;
    for (const row of rows.iterate()) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
      // Touch the parsed values so that no engine can skip the parse.
      check += Object.keys(data).length + Object.keys(metadata).length;
      count++;
    }
    const elapsed = (performance.now() - started) / 1000;
    if (count > 0 && check === 0) throw new Error('Parsed nothing');
    return { count, seconds: elapsed, perSecond: count / elapsed, loadAverage: load };
  } finally {
    db.close();
  }
}
