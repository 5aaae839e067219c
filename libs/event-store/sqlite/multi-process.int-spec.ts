import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './index.js';
import { ChildScript } from './testing-fixtures/child-process.js';

type Outcome =
  | { readonly ready: true }
  | { readonly won: number; readonly id: string; readonly position: string }
  | { readonly lost: string; readonly expected: unknown; readonly actual: unknown; readonly message: string }
  | { readonly done: true };

const PROCESSES = 4;
const ATTEMPTS = 25;
/** Each child transpiles the adapter before it races: slow on a busy machine, so waits are generous. */
const CHILD_WAIT_MS = 90_000;

describe('SqliteEventStore shared by several processes', () => {
  let dir: string;
  let children: ChildScript<Outcome>[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-race-'));
  });

  afterEach(async () => {
    await Promise.all(children.map((child) => child.kill()));
    children = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each revision of a stream to exactly one of the processes racing for it', async () => {
    // Given processes that each read a stream and append expecting the revision they read
    const file = join(dir, 'events.sqlite');
    const stream = `goal-${randomUUID()}`;
    children = Array.from(
      { length: PROCESSES },
      (_, index) => new ChildScript<Outcome>('./race-appends.mjs', [file, join(dir, `adapter-${index}`), stream, String(ATTEMPTS)]),
    );
    await Promise.all(children.map((child) => child.waitUntil((lines) => lines.some((line) => 'ready' in line), 'ready', CHILD_WAIT_MS)));

    // When they all start at once
    for (const child of children) child.send('go\n');
    await Promise.all(children.map((child) => child.waitUntil((lines) => lines.some((line) => 'done' in line), 'done', CHILD_WAIT_MS)));
    expect(await Promise.all(children.map((child) => child.exitCode(CHILD_WAIT_MS)))).toEqual(children.map(() => 0));

    // Then every attempt either won a revision no one else won, or was told the stream had moved on
    const outcomes = children.flatMap((child) => child.lines);
    const wins = outcomes.filter((line) => 'won' in line);
    const losses = outcomes.filter((line) => 'lost' in line);
    expect(wins.length + losses.length).toBe(PROCESSES * ATTEMPTS);
    for (const loss of losses) expect(loss).toMatchObject({ lost: 'WrongExpectedRevisionError' });

    // And the stream holds exactly the winners, at the revisions and positions they were given
    const store = new SqliteEventStore(file);
    try {
      const recorded = await store.readStream(stream);
      expect(recorded.map((event) => event.revision)).toEqual(wins.map((_, index) => index));
      const byRevision = [...wins].sort((a, b) => a.won - b.won);
      expect(recorded.map((event) => [event.id, event.position])).toEqual(byRevision.map((win) => [win.id, win.position]));
      expect((await store.readAll()).map((event) => Number(event.position))).toEqual(recorded.map((_, index) => index + 1));
    } finally {
      await store.close();
    }
  }, 4 * CHILD_WAIT_MS);
});
