import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '#event-store/in-memory';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { CHECKPOINT_TABLE } from './checkpoints.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { eventually, ledger, newEvents, NO_PAUSE, recordingLogger, WAIT_MS } from './projection-runner.fixtures.js';

describe('ProjectionRunner on a database file', () => {
  let dir: string;
  let file: string;
  let store: InMemoryEventStore;
  const open: SqliteDatabase[] = [];
  const running: ProjectionRunner[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projections-'));
    file = join(dir, 'read-models.sqlite');
    store = new InMemoryEventStore();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((runner) => runner.stop()));
    for (const db of open.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function reopen(): SqliteDatabase {
    const db = openSqliteDatabase(file, { synchronous: 'FULL' });
    open.push(db);
    return db;
  }

  function runner(db: SqliteDatabase, projections: readonly Projection[]): ProjectionRunner {
    const created = new ProjectionRunner({ store, database: db, logger: recordingLogger(), projections, retry: NO_PAUSE });
    running.push(created);
    return created;
  }

  const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

  it('resumes from the checkpoint kept in the file: no event applied twice or skipped', async () => {
    // Given a runner that projected five events into the file, then the process went away
    const stream = `items-${randomUUID()}`;
    const projection = ledger();
    const before = reopen();
    const first = runner(before, [projection]);
    await first.start();
    await first.waitFor((await store.appendToStream(stream, newEvents(5))).position, { timeoutMs: WAIT_MS });
    await first.stop();
    before.close();
    const last = (await store.appendToStream(stream, newEvents(5))).position;

    // When a new runner starts on the reopened file
    const after = reopen();
    const second = runner(after, [ledger({ name: projection.name })]);
    await second.start();
    await second.waitFor(last, { timeoutMs: WAIT_MS });

    // Then each event has exactly one row
    expect(ids(projection.rows(after))).toEqual(ids(await store.readStream(stream)));
  });

  it('keeps rows and checkpoint in step in the file when an event cannot be applied', async () => {
    // Given a backlog whose fourth event cannot be projected
    const stream = `items-${randomUUID()}`;
    await store.appendToStream(stream, newEvents(6));
    const recorded = await store.readStream(stream);
    const projection = ledger({ failOn: (event) => event.id === recorded[3]!.id });
    const db = reopen();
    const projections = runner(db, [projection]);

    // When it fails and the file is reopened
    await projections.start();
    await eventually(() => expect(projections.isHealthy()).toBe(false));
    await projections.stop();
    db.close();
    const reopened = reopen();

    // Then the file holds the rows before that event and a checkpoint right at the last of them
    expect(ids(projection.rows(reopened))).toEqual(ids(recorded.slice(0, 3)));
    expect(reopened.prepare(`SELECT position, status FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(projection.name)).toEqual({
      position: recorded[2]!.position,
      status: 'failed',
    });
  });

  it('rebuilds from the start of the log when a new version starts on the file', async () => {
    // Given version 1 projected three events into the file
    const name = `ledger-${randomUUID().slice(0, 8)}`;
    const before = reopen();
    const first = runner(before, [ledger({ name, version: 1 })]);
    await first.start();
    const last = (await store.appendToStream(`items-${randomUUID()}`, newEvents(3))).position;
    await first.waitFor(last, { timeoutMs: WAIT_MS });
    await first.stop();
    before.close();

    // When version 2 starts on the reopened file
    const upgraded = ledger({ name, version: 2 });
    const after = reopen();
    const second = runner(after, [upgraded]);
    await second.start();
    await second.waitFor(last, { timeoutMs: WAIT_MS });

    // Then its rows were all written by version 2
    expect(upgraded.rows(after).map((row) => row.version)).toEqual([2, 2, 2]);
  });
});
