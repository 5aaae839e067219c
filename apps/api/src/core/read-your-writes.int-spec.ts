import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { InMemoryEventStore } from '#event-store/in-memory';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { defineProjection, ProjectionRunner } from '#projections';
import { DomainError } from '#shared';
import { readYourWritesOver } from './read-your-writes.js';

type Noted = { readonly type: 'Noted'; readonly data: { readonly text: string } };

/** A read model that applies every note, or fails on the one it is told to. */
function notes(failOn?: string) {
  return defineProjection<Noted>({
    name: 'notes',
    version: 1,
    tables: ['notes'],
    setup: (db) => db.prepare('CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL)').run(),
    handlers: {
      Noted(event, db) {
        if (event.data.text === failOn) throw new Error('cannot apply this note');
        db.prepare('INSERT INTO notes (text) VALUES (?)').run(event.data.text);
      },
    },
  });
}

describe('read-your-writes', () => {
  const store = new InMemoryEventStore();
  let db: SqliteDatabase;
  let runner: ProjectionRunner | undefined;

  const start = async (failOn?: string, begin = true) => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    runner = new ProjectionRunner({ store, database: db, logger: pino({ level: 'silent' }), projections: [notes(failOn)] });
    if (begin) await runner.start();
    return runner;
  };
  const note = (text: string) => store.appendToStream(`note-${text}`, [{ id: randomUUID(), type: 'Noted', data: { text }, metadata: {} }]);

  afterEach(async () => {
    await runner?.stop();
    db.close();
  });

  it('returns once the read models include the write', async () => {
    const projections = await start();
    const { position } = await note('seen');
    await expect(readYourWritesOver(projections, 30_000).waitFor(new Map([['Noted', position]]))).resolves.toBeUndefined();
    expect(db.prepare('SELECT text FROM notes').pluck().all()).toContain('seen');
  });

  it('answers PROJECTION_LAG when the read models do not catch up in time, and the write stands', async () => {
    const projections = await start(undefined, false);
    const { position } = await note('late');
    const waiting = readYourWritesOver(projections, 30).waitFor(new Map([['Noted', position]]));
    await expect(waiting).rejects.toBeInstanceOf(DomainError);
    await expect(waiting).rejects.toMatchObject({ code: 'PROJECTION_LAG' });
    expect((await store.readAll()).map((event) => event.data)).toContainEqual({ text: 'late' });
  });

  it('answers PROJECTION_LAG at once when a read model has failed', async () => {
    const projections = await start('poison');
    const { position } = await note('poison');
    await expect(readYourWritesOver(projections, 60_000).waitFor(new Map([['Noted', position]]))).rejects.toMatchObject({ code: 'PROJECTION_LAG' });
  });
});
