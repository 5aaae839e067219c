import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIdError, NO_STREAM, WrongExpectedRevisionError, type NewEvent } from '#event-store';
import { SqliteEventStore, type SqliteEventStoreOptions } from './index.js';

const newEvent = (type = 'Happened'): NewEvent => ({ id: randomUUID(), type, data: { at: type }, metadata: {} });

describe('SqliteEventStore on a file', () => {
  let dir: string;
  let file: string;
  const opened: { close(): unknown }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
    file = join(dir, 'data', 'events.sqlite');
  });

  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(options?: SqliteEventStoreOptions): SqliteEventStore {
    const store = new SqliteEventStore(file, options);
    opened.push(store);
    return store;
  }

  /** A second, plain connection to the file: what another program would see or do. */
  function rawConnection(): Database.Database {
    const db = new Database(file);
    opened.push(db);
    return db;
  }

  it('has no head while the log is empty, then the last position appended', async () => {
    const store = open();
    expect(await store.headPosition()).toBeNull();
    const { position } = await store.appendToStream('s-1', [{ id: randomUUID(), type: 'A', data: {}, metadata: {} }]);
    expect(await store.headPosition()).toBe(position);
  });

  describe('group commit', () => {
    const event = (type = 'A') => ({ id: randomUUID(), type, data: {}, metadata: {} });

    it('commits the appends of one turn together, each with its own expected revision and result', async () => {
      const store = open();
      let commits = 0;
      store.onAppended(() => {
        commits += 1;
      });
      const stream = `s-${randomUUID()}`;
      // Sent in one turn: the second expects the first to be there, the third races it and loses.
      const outcomes = await Promise.allSettled([
        store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(stream, [event(), event()], { expectedRevision: 0 }),
        store.appendToStream(stream, [event()], { expectedRevision: 0 }),
        store.appendToStream(`other-${randomUUID()}`, [event()]),
      ]);

      expect(commits).toBe(1);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseFulfilledResult<{ nextExpectedRevision: number }>).value.nextExpectedRevision).toBe(2);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream(stream)).map((stored) => stored.revision)).toEqual([0, 1, 2]);
    });

    it('rolls back only the append that fails, leaving no hole in the positions', async () => {
      const store = open();
      const shared = event();
      const outcomes = await Promise.allSettled([
        store.appendToStream(`a-${randomUUID()}`, [event()]),
        store.appendToStream(`b-${randomUUID()}`, [event(), shared, shared]),
        store.appendToStream(`c-${randomUUID()}`, [event()]),
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
      expect((await store.readAll()).map((stored) => stored.position)).toEqual(['1', '2']);
    });

    it('commits what is still waiting when the store closes', async () => {
      const store = open();
      const stream = `s-${randomUUID()}`;
      const appended = store.appendToStream(stream, [event()]);
      await store.close();
      await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
      expect(await open().readStream(stream)).toHaveLength(1);
    });
  });

  describe('durability settings', () => {
    it('runs in WAL mode with synchronous FULL by default, creating the folder', () => {
      const store = open();

      expect(store.synchronous).toBe('FULL');
      expect(rawConnection().pragma('journal_mode', { simple: true })).toBe('wal');
    });

    it('runs with synchronous NORMAL when asked', () => {
      expect(open({ synchronous: 'NORMAL' }).synchronous).toBe('NORMAL');
    });

    it('refuses a synchronous setting other than FULL or NORMAL', () => {
      expect(() => open({ synchronous: 'OFF' as never })).toThrow(/FULL or NORMAL/);
    });

    it('keeps the events when the file is reopened, and numbers on from them', async () => {
      // Given events appended and the store closed
      const stream = `deal-${randomUUID()}`;
      const first = open();
      await first.appendToStream(stream, [newEvent('Opened'), newEvent('Won')]);
      const before = await first.readStream(stream);
      await first.close();

      // When the file is reopened with the other setting and appended to
      const reopened = open({ synchronous: 'NORMAL' });
      const next = await reopened.appendToStream(stream, [newEvent('Reopened')], { expectedRevision: 1 });

      // Then the old events are there and the new one follows them
      expect((await reopened.readStream(stream)).slice(0, 2)).toEqual(before);
      expect(next).toEqual({ nextExpectedRevision: 2, position: '3', positions: ['3'] });
    });

    it('refuses a file whose schema version it does not know', async () => {
      await open().close();
      rawConnection().pragma('user_version = 99');

      expect(() => open()).toThrow(/schema version 99/);
    });

    it('keeps one identity for the file through reopenings; another file has its own', async () => {
      const first = open();
      const identity = await first.identity();
      await first.close();

      expect(await open().identity()).toBe(identity);
      expect(identity).toMatch(/^[0-9a-f-]{36}$/);
      const other = new SqliteEventStore(join(dir, 'other.sqlite'));
      opened.push(other);
      expect(await other.identity()).not.toBe(identity);
    });

    it('opens a file of schema version 1 with its events, giving it an identity once', async () => {
      // Given a file as version 1 left it: the events table, no identity
      const stream = `deal-${randomUUID()}`;
      const store = open();
      await store.appendToStream(stream, [newEvent('Opened')]);
      await store.close();
      const raw = rawConnection();
      raw.exec('DROP TABLE store');
      raw.pragma('user_version = 1');

      // When it is opened, twice
      const upgraded = open();
      const identity = await upgraded.identity();
      await upgraded.close();

      // Then its events are there and the identity it was given stays
      const reopened = open();
      expect((await reopened.readStream(stream)).map((event) => event.type)).toEqual(['Opened']);
      expect(await reopened.identity()).toBe(identity);
    });
  });

  describe('schema', () => {
    it('holds at most one event per stream revision and per event id', async () => {
      // Given a stored event
      const store = open();
      const stream = `deal-${randomUUID()}`;
      const event = newEvent();
      await store.appendToStream(stream, [event]);
      const db = rawConnection();
      const insert = db.prepare(
        'INSERT INTO events (position, stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );

      // When rows bypassing the store reuse its revision or its id
      const sameRevision = () => insert.run(100, stream, 0, randomUUID(), 'T', '{}', '{}');
      const sameId = () => insert.run(101, `other-${randomUUID()}`, 0, event.id, 'T', '{}', '{}');

      // Then the database itself refuses them
      expect(sameRevision).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
      expect(sameId).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    });

    it('a rolled back append leaves no gap in the positions', async () => {
      // Given a stored event, and a database that fails the insert of a certain event type
      const store = open();
      const stream = `deal-${randomUUID()}`;
      const first = await store.appendToStream(stream, [newEvent()]);
      rawConnection().exec(
        `CREATE TRIGGER refuse_exploding BEFORE INSERT ON events WHEN NEW.type = 'Exploding'
         BEGIN SELECT RAISE(ABORT, 'refused'); END`,
      );

      // When an append fails on its second event, after the first was inserted
      const survivor = newEvent('Fine');
      const failure = await rejectionOf(store.appendToStream(stream, [survivor, newEvent('Exploding')]));
      const next = await store.appendToStream(stream, [survivor]);

      // Then nothing of it remains: the next append takes the very next revision and position
      expect(failure).toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'refused' });
      const position = String(Number(first.position) + 1);
      expect(next).toEqual({ nextExpectedRevision: 1, position, positions: [position] });
      expect((await store.readAll()).map((event) => event.position)).toEqual(['1', '2']);
    });

    it('reports a unique violation raised under an append as the port errors', async () => {
      // Given a database where another writer slips a row in just before each insert
      const store = open();
      await store.appendToStream(`setup-${randomUUID()}`, [newEvent()]);
      const [racedStream, racedId] = [`raced-${randomUUID()}`, randomUUID()];
      rawConnection().exec(
        `CREATE TRIGGER same_revision BEFORE INSERT ON events WHEN NEW.stream = '${racedStream}'
         BEGIN INSERT INTO events VALUES (NEW.position + 1000, NEW.stream, NEW.revision, 'racer-' || NEW.event_id, 'Racer', '{}', '{}'); END;
         CREATE TRIGGER same_id BEFORE INSERT ON events WHEN NEW.event_id = '${racedId}'
         BEGIN INSERT INTO events VALUES (NEW.position + 1000, 'racer-' || NEW.stream, 0, NEW.event_id, 'Racer', '{}', '{}'); END;`,
      );

      // When appends meet those rows
      const revisionClash = await rejectionOf(store.appendToStream(racedStream, [newEvent()]));
      const idClash = await rejectionOf(store.appendToStream(`other-${randomUUID()}`, [{ ...newEvent(), id: racedId }]));

      // Then they fail with the port's errors, not SQLite's
      expect(revisionClash).toBeInstanceOf(WrongExpectedRevisionError);
      expect(idClash).toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(racedStream)).toEqual([]);
    });

    it('refuses an event whose data is not a JSON object, storing nothing', async () => {
      const store = open();
      const stream = `deal-${randomUUID()}`;

      const appending = store.appendToStream(stream, [{ ...newEvent(), data: { amount: 10n } as never }]);

      await expect(appending).rejects.toThrow(TypeError);
      expect(await store.readStream(stream)).toEqual([]);
    });
  });

  describe('two stores on one file', () => {
    it('lets only one of them win a revision', async () => {
      // Given two stores on the same file that both read the stream at revision 0
      const [left, right] = [open(), open()];
      const stream = `deal-${randomUUID()}`;
      await left.appendToStream(stream, [newEvent('Opened')]);
      const [leftView, rightView] = [await left.aggregateStream(stream, counting), await right.aggregateStream(stream, counting)];
      expect([leftView.currentRevision, rightView.currentRevision]).toEqual([0, 0]);

      // When both append with what they read
      const rightResult = await right.appendToStream(stream, [newEvent('Won')], { expectedRevision: rightView.currentRevision });
      const leftAppend = left.appendToStream(stream, [newEvent('Lost')], { expectedRevision: leftView.currentRevision });

      // Then the second is told the stream moved on, and the log holds the winner only
      await expect(leftAppend).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0, actual: 1 });
      expect(rightResult.nextExpectedRevision).toBe(1);
      expect((await left.readStream(stream)).map((event) => event.type)).toEqual(['Opened', 'Won']);
    });

    it('numbers positions on from each other without a clash', async () => {
      const [left, right] = [open(), open()];
      const stream = `deal-${randomUUID()}`;

      const outcomes = await Promise.allSettled([
        left.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM }),
        right.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM }),
        left.appendToStream(`other-${randomUUID()}`, [newEvent()]),
        right.appendToStream(`other-${randomUUID()}`, [newEvent()]),
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((await right.readAll()).map((event) => event.position)).toEqual(['1', '2', '3']);
    });
  });
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

const counting = { initialState: () => 0, evolve: (count: number) => count + 1 };
