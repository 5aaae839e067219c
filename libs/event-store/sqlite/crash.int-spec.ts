import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '#sqlite';
import { SqliteEventStore } from './index.js';
import { ChildScript } from './testing-fixtures/child-process.js';

interface Ack {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly synchronous: string;
}

const ACKS_BEFORE_KILL = 300;
/** A child transpiles the adapter before it appends: slow on a busy machine, so waits are generous. */
const CHILD_WAIT_MS = 90_000;

describe('SqliteEventStore when the writing process is killed', () => {
  let dir: string;
  let child: ChildScript<Ack> | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-crash-'));
  });

  afterEach(async () => {
    await child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged append, whole, at its revision and position, without gaps', async () => {
    // Given a process appending batches through the adapter with synchronous FULL
    const file = join(dir, 'events.sqlite');
    child = new ChildScript<Ack>('./append-until-killed.mjs', [file, join(dir, 'adapter')]);
    await child.waitUntil((acks) => acks.length >= ACKS_BEFORE_KILL, `${ACKS_BEFORE_KILL} acknowledged events`, CHILD_WAIT_MS);

    // When it is killed while still appending
    await child.kill();
    const acks = [...child.lines];

    // Then the reopened file holds every acknowledged event where the append said it was
    const store = new SqliteEventStore(file);
    try {
      const log = await store.readAll();
      const byId = new Map(log.map((event) => [event.id, event]));
      expect(acks.every((ack) => ack.synchronous === 'FULL')).toBe(true);
      for (const ack of acks) {
        expect(byId.get(ack.id)).toMatchObject({ stream: ack.stream, revision: ack.revision, position: ack.position });
      }

      // And positions and revisions run without a hole, batches whole (the last one may not have been acknowledged)
      expect(log.length).toBeGreaterThanOrEqual(acks.length);
      expect(log.map((event) => Number(event.position))).toEqual(log.map((_, index) => index + 1));
      for (const stream of new Set(log.map((event) => event.stream))) {
        const revisions = log.filter((event) => event.stream === stream).map((event) => event.revision);
        expect(revisions).toEqual(revisions.map((_, index) => index));
      }
      const batchSizes = new Map<number, { stored: number; size: number }>();
      for (const event of log) {
        const batch = batchSizes.get(Number(event.data['batch'])) ?? { stored: 0, size: Number(event.data['size']) };
        batchSizes.set(Number(event.data['batch']), { ...batch, stored: batch.stored + 1 });
      }
      for (const { stored, size } of batchSizes.values()) expect(stored).toBe(size);
    } finally {
      await store.close();
    }

    // And SQLite finds the file sound
    const db = openSqliteDatabase(file, { synchronous: 'FULL' });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 2 * CHILD_WAIT_MS);

  it('keeps every acknowledged append of eight writers committing in groups, exactly once, without gaps', async () => {
    // Given eight writers appending at once through one adapter, so their appends share commits
    const file = join(dir, 'events.sqlite');
    child = new ChildScript<Ack>('./group-appends-until-killed.mjs', [file, join(dir, 'adapter')]);
    await child.waitUntil((acks) => acks.length >= ACKS_BEFORE_KILL * 4, `${ACKS_BEFORE_KILL * 4} acknowledged events`, CHILD_WAIT_MS);

    // When the process is killed in the middle of it
    await child.kill();
    const acks = [...child.lines];

    // Then every acknowledged event is stored once, where its append said, and the log has no hole
    const store = new SqliteEventStore(file);
    try {
      const log = await store.readAll();
      const byId = new Map(log.map((event) => [event.id, event]));
      expect(byId.size).toBe(log.length);
      for (const ack of acks) {
        expect(byId.get(ack.id)).toMatchObject({ stream: ack.stream, revision: ack.revision, position: ack.position });
      }
      expect(log.map((event) => Number(event.position))).toEqual(log.map((_, index) => index + 1));
      for (const stream of new Set(log.map((event) => event.stream))) {
        const revisions = log.filter((event) => event.stream === stream).map((event) => event.revision);
        expect(revisions).toEqual(revisions.map((_, index) => index));
      }
    } finally {
      await store.close();
    }
    const db = openSqliteDatabase(file, { synchronous: 'FULL' });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
