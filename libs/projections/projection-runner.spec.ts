import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Position, RecordedEvent } from '#event-store';
import { EventStoreUnavailableError, IDLE_WAKE_AFTER_COMMITS } from '#event-store';
import { InMemoryEventStore } from '#event-store/in-memory';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { CHECKPOINT_TABLE } from './checkpoints.js';
import { ProjectionFailedError, ProjectionLagError } from './errors.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import { cappedBackoff } from './run.js';
import {
  eventually,
  ledger,
  newEvents,
  NO_PAUSE,
  recordingLogger,
  WAIT_MS,
  withBrokenSubscriptions,
  withGate,
  withOutage,
} from './projection-runner.fixtures.js';

describe('ProjectionRunner', () => {
  let db: SqliteDatabase;
  let store: InMemoryEventStore;
  let logger: ReturnType<typeof recordingLogger>;
  let started: ProjectionRunner[];

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    store = new InMemoryEventStore();
    logger = recordingLogger();
    started = [];
  });

  afterEach(async () => {
    await Promise.all(started.map((runner) => runner.stop()));
    db.close();
  });

  function runner(projections: readonly Projection[], options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner {
    const created = new ProjectionRunner({ store, database: db, logger, projections, retry: NO_PAUSE, ...options });
    started.push(created);
    return created;
  }

  function checkpointOf(name: string): { version: number; position: string | null; status: string; last_error: string | null } {
    return db.prepare(`SELECT version, position, status, last_error FROM ${CHECKPOINT_TABLE} WHERE name = ?`).get(name) as never;
  }

  function statusOf(projections: ProjectionRunner, name: string) {
    const state = projections.status().find((candidate) => candidate.name === name);
    if (state === undefined) throw new Error(`no status for ${name}`);
    return state;
  }

  async function append(count: number, type = 'ItemAdded', stream = `items-${randomUUID()}`): Promise<Position> {
    return (await store.appendToStream(stream, newEvents(count, type))).position;
  }

  const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

  describe('commits', () => {
    it('writes rows and checkpoint together: the event that throws leaves neither its row nor a checkpoint past it', async () => {
      // Given a backlog in which the sixth event cannot be projected
      const stream = `items-${randomUUID()}`;
      await store.appendToStream(stream, newEvents(10));
      const recorded = await store.readStream(stream);
      const bad = recorded[5]!;
      let triesOfBad = 0;
      const projection = ledger({
        failOn: (event) => {
          if (event.id !== bad.id) return false;
          triesOfBad += 1;
          return true;
        },
      });
      // (each projection on its own: catching up together is another spec's)
      const projections = runner([projection], { catchUpPageSize: 0 });

      // When the runner applies it
      await projections.start();
      await eventually(() => expect(statusOf(projections, projection.name).status).toBe('failed'));

      // Then the rows and the checkpoint stop together right before it, the row it wrote is gone
      expect(ids(projection.rows(db))).toEqual(ids(recorded.slice(0, 5)));
      expect(checkpointOf(projection.name)).toMatchObject({ position: recorded[4]!.position, status: 'failed' });
      expect(statusOf(projections, projection.name).position).toBe(recorded[4]!.position);
      // once in its batch, then three times alone
      expect(triesOfBad).toBe(4);
    });

    it('rolls back a batch in which an event throws once, then applies every event exactly once', async () => {
      // Given a backlog whose sixth event fails on its first try only
      const stream = `items-${randomUUID()}`;
      await store.appendToStream(stream, newEvents(10));
      const recorded = await store.readStream(stream);
      let failed = false;
      const projection = ledger({
        failOn: (event) => {
          if (event.id !== recorded[5]!.id || failed) return false;
          failed = true;
          return true;
        },
      });
      const projections = runner([projection]);

      // When the runner applies it
      await projections.start();
      await projections.waitFor(recorded[9]!.position, { timeoutMs: WAIT_MS });

      // Then each event has one row (a second insert would break the unique key) and all is well
      expect(failed).toBe(true);
      expect(ids(projection.rows(db))).toEqual(ids(recorded));
      expect(projections.isHealthy()).toBe(true);
      expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    });

    it('applies a backlog of 1,000 events in far fewer transactions than events', async () => {
      // Given 1,000 events in the log
      for (let append = 0; append < 10; append++) await store.appendToStream(`items-${randomUUID()}`, newEvents(100));
      const projection = ledger();
      const projections = runner([projection]);
      const commits: number[] = [];
      projections.onCommitted((_, events) => commits.push(events.length));

      // When the runner catches up
      await projections.start();
      await eventually(() => expect(statusOf(projections, projection.name).status).toBe('live'));

      // Then it did so in a handful of transactions
      expect(projection.rows(db)).toHaveLength(1_000);
      expect(commits.reduce((sum, count) => sum + count, 0)).toBe(1_000);
      expect(commits.length).toBeLessThanOrEqual(10);

      // And a live append is applied at once, in a transaction of its own
      const position = await append(1);
      await projections.waitFor(position, { timeoutMs: WAIT_MS });
      expect(commits.at(-1)).toBe(1);
    });

    it('lets the event loop turn between the batches of a backlog, so the service answers while catching up', async () => {
      // Given a backlog of several batches
      for (let append = 0; append < 10; append++) await store.appendToStream(`items-${randomUUID()}`, newEvents(300));
      const projection = ledger();
      const projections = runner([projection], { catchUpPageSize: 0 });

      // When the runner starts, and something else waits for the next turn of the event loop
      await projections.start();
      const rowsAtNextTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(projection.rows(db).length)));

      // Then that turn came while the backlog was only partly applied
      expect(rowsAtNextTurn).toBeLessThan(3_000);
      await eventually(() => expect(projection.rows(db)).toHaveLength(3_000));
    });

    it('catches up projections behind the log at start together, from one read of the log, turning the event loop between pages', async () => {
      // Given a backlog of 3,000 events, one projection at its start and another halfway
      for (let append = 0; append < 10; append++) await store.appendToStream(`items-${randomUUID()}`, newEvents(300));
      const all = await store.readAll();
      const fresh = ledger();
      const halfway = ledger();
      const ahead = runner([halfway], { catchUpPageSize: 0 });
      await ahead.start();
      await ahead.waitFor(all[1_499]!.position, { timeoutMs: WAIT_MS });
      await ahead.stop();
      const rowsBefore = halfway.rows(db).length;
      let reads = 0;
      const counting = new Proxy(store, {
        get(target, property) {
          if (property === 'readAll') return (...args: Parameters<typeof store.readAll>) => (reads++, target.readAll(...args));
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const projections = runner([fresh, ledger({ name: halfway.name })], { store: counting, catchUpPageSize: 1_000 });
      const applied = new Map<string, string[]>();
      projections.onCommitted((name, events) => applied.set(name, [...(applied.get(name) ?? []), ...ids(events)]));

      // When the runner starts, and something else waits for the next turn of the event loop
      await projections.start();
      const rowsAtNextTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(fresh.rows(db).length)));
      await projections.waitFor(all.at(-1)!.position, { timeoutMs: WAIT_MS });

      // Then the turn came between pages, the log was read in three pages for both, and each
      // applied exactly the events it had not, once
      expect(rowsAtNextTurn).toBeLessThan(3_000);
      expect(reads).toBe(3);
      expect(ids(fresh.rows(db))).toEqual(ids(all));
      expect(rowsBefore).toBeGreaterThanOrEqual(1_500);
      expect(applied.get(halfway.name)).toEqual(ids(all.slice(rowsBefore)));
      expect(ids(halfway.rows(db))).toEqual(ids(all));
      await eventually(() => expect(projections.status().map((state) => state.status)).toEqual(['live', 'live']));
    });

    it('leaves a projection that cannot apply an event of the catch-up to its own retries, the others going on', async () => {
      // Given a backlog whose 1,500th event one projection cannot apply
      for (let append = 0; append < 10; append++) await store.appendToStream(`items-${randomUUID()}`, newEvents(300));
      const all = await store.readAll();
      const bad = all[1_499]!;
      let triesOfBad = 0;
      const breaking = ledger({ failOn: (event) => event.id === bad.id && ++triesOfBad > 0 });
      const healthy = ledger();
      const projections = runner([breaking, healthy], { catchUpPageSize: 1_000 });

      // When they catch up
      await projections.start();
      await eventually(() => expect(statusOf(projections, breaking.name).status).toBe('failed'));
      await projections.waitFor(all.at(-1)!.position, { projections: [healthy.name], timeoutMs: WAIT_MS });

      // Then the failing one stops right before the event, after its own retries, and the other has everything
      expect(ids(breaking.rows(db))).toEqual(ids(all.slice(0, 1_499)));
      expect(triesOfBad).toBe(5);
      expect(ids(healthy.rows(db))).toEqual(ids(all));
      expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('Catching up together stopped'))).toBe(true);
    });

    it('tells commit listeners which events it committed, after their rows are readable', async () => {
      // Given a live runner with a listener that reads the rows as it is called
      const projection = ledger();
      const projections = runner([projection]);
      const seen: { projection: string; events: string[]; rows: number }[] = [];
      projections.onCommitted((name, events) => seen.push({ projection: name, events: ids(events), rows: projection.rows(db).length }));
      await projections.start();

      // When two events are appended
      const stream = `items-${randomUUID()}`;
      const { position } = await store.appendToStream(stream, newEvents(2));
      await projections.waitFor(position, { timeoutMs: WAIT_MS });

      // Then the listener heard of both, with their rows already there
      expect(seen).toEqual([{ projection: projection.name, events: ids(await store.readStream(stream)), rows: 2 }]);
    });
  });

  describe('restarts', () => {
    it('resumes from the checkpoint: no event applied twice or skipped', async () => {
      // Given a runner that projected five events and stopped, and five more appended since
      const projection = ledger();
      const first = runner([projection]);
      await first.start();
      await first.waitFor(await append(5), { timeoutMs: WAIT_MS });
      await first.stop();
      const last = await append(5);

      // When a new runner starts on the same database
      const second = runner([ledger({ name: projection.name })]);
      const applied: RecordedEvent[] = [];
      second.onCommitted((_, events) => applied.push(...events));
      await second.start();
      await second.waitFor(last, { timeoutMs: WAIT_MS });

      // Then it applied only the five new events, and every event has exactly one row
      const all = await store.readAll();
      expect(ids(applied)).toEqual(ids(all.slice(5)));
      expect(ids(projection.rows(db))).toEqual(ids(all));
      await eventually(() => expect(statusOf(second, projection.name).status).toBe('live'));
    });

    it('rebuilds a projection from the start of the log when its version goes up', async () => {
      // Given a projection at version 1 that projected three events
      const name = `ledger-${randomUUID().slice(0, 8)}`;
      const first = runner([ledger({ name, version: 1 })]);
      await first.start();
      const last = await append(3);
      await first.waitFor(last, { timeoutMs: WAIT_MS });
      await first.stop();

      // When version 2 starts
      const upgraded = ledger({ name, version: 2 });
      const second = runner([upgraded]);
      await second.start();
      await second.waitFor(last, { timeoutMs: WAIT_MS });

      // Then every row was written again by version 2
      expect(upgraded.rows(db).map((row) => row.version)).toEqual([2, 2, 2]);
      expect(checkpointOf(name)).toMatchObject({ version: 2, position: last });
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'info', object: expect.objectContaining({ projection: name, version: 2, previousVersion: 1 }) }),
      );
    });

    it('rebuilds on demand, offline, up to the end of the log; a later start goes on from there', async () => {
      // Given a read model that lost rows
      const projection = ledger();
      const projections = runner([projection]);
      await projections.start();
      const last = await append(3);
      await projections.waitFor(last, { timeoutMs: WAIT_MS });
      await projections.stop();
      db.prepare(`DELETE FROM ${projection.table}`).run();

      // When it is rebuilt
      await projections.rebuild([projection.name]);

      // Then it holds every event again, and a restart adds only what comes next
      expect(projection.rows(db)).toHaveLength(3);
      expect(checkpointOf(projection.name)).toMatchObject({ position: last, status: 'stopped' });
      await projections.start();
      await projections.waitFor(await append(1), { timeoutMs: WAIT_MS });
      expect(ids(projection.rows(db))).toEqual(ids(await store.readAll()));
    });

    it('rebuilds every projection from one read of the log, page by page, and says how far it is', async () => {
      // Given three projections over two event types and a log of more than one page
      const [items, removals, both] = [ledger(), ledger({ eventTypes: ['ItemRemoved'] }), ledger({ eventTypes: ['ItemAdded', 'ItemRemoved'] })];
      await append(2_500);
      const last = await append(10, 'ItemRemoved');
      let reads = 0;
      const reading = store.readAll.bind(store);
      store.readAll = (options) => {
        reads += 1;
        return reading(options);
      };
      const progress: { events: number; position: string }[] = [];

      // When they are rebuilt
      await runner([items, removals, both], { rebuildPageSize: 2_000 }).rebuild(undefined, ({ events, position, head }) => {
        progress.push({ events, position });
        expect(head).toBe(last);
      });

      // Then the log was read once, in two pages, into all three, with every checkpoint at its end
      expect(reads).toBe(2);
      expect(progress).toEqual([
        { events: 2_000, position: expect.any(String) },
        { events: 2_510, position: last },
      ]);
      expect([items.rows(db).length, removals.rows(db).length, both.rows(db).length]).toEqual([2_500, 10, 2_510]);
      for (const projection of [items, removals, both]) expect(checkpointOf(projection.name)).toMatchObject({ position: last, status: 'stopped' });
    });

    it('stops a rebuild at an event a projection cannot apply, naming both, and keeps the pages before it', async () => {
      // Given a projection that fails on the 2,100th event
      const failing = ledger({ failOn: (_event, call) => call === 2_100 });
      const fine = ledger();
      await append(2_500);

      // When they are rebuilt, it fails with the projection's name, and everything before the failing page stays
      const projections = runner([fine, failing], { rebuildPageSize: 2_000 });
      await expect(projections.rebuild()).rejects.toThrow(ProjectionFailedError);
      expect(statusOf(projections, failing.name)).toMatchObject({ status: 'failed', error: expect.stringContaining('cannot project') });
      expect([fine.rows(db).length, failing.rows(db).length]).toEqual([2_000, 2_000]);
    });

    it('rebuilds from the start of the log a projection whose checkpoint belongs to another event store', async () => {
      // Given a projection that followed one store to its end
      const projection = ledger();
      const first = runner([projection]);
      await first.start();
      await first.waitFor(await append(5), { timeoutMs: WAIT_MS });
      await first.stop();

      // When it starts on another store, whose log is shorter (a reset server, another EVENT_STORE)
      store = new InMemoryEventStore();
      const last = await append(2);
      const second = runner([ledger({ name: projection.name })]);
      await second.start();
      await second.waitFor(last, { timeoutMs: WAIT_MS });

      // Then it holds that store's events alone, and says why it rebuilt
      expect(ids(projection.rows(db))).toEqual(ids(await store.readAll()));
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'warn', message: expect.stringContaining('its checkpoint belongs to another event store') }),
      );
    });

    describe('a checkpoint kept before the log\'s identity was', () => {
      /** The checkpoint table as an earlier version left it: no identity, no head. */
      function legacyCheckpoint(name: string, version: number, position: string): void {
        db.prepare('DROP TABLE IF EXISTS projection_checkpoints').run();
        db.prepare(
          `CREATE TABLE projection_checkpoints (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT,
             status TEXT NOT NULL, last_error TEXT, updated_at TEXT NOT NULL)`,
        ).run();
        db.prepare("INSERT INTO projection_checkpoints VALUES (?, ?, ?, 'stopped', NULL, '2026-01-01T00:00:00.000Z')").run(name, version, position);
      }

      it('is gone on from when its position is within the log, and the log it belongs to is recorded', async () => {
        // Given three events, of which a projection applied two before identities were kept
        await append(3);
        const [first, second, third] = await store.readAll();
        const projection = ledger();
        projection.setup(db);
        db.prepare(`INSERT INTO ${projection.table} (event_id, type, version) VALUES (?, 'ItemAdded', 1), (?, 'ItemAdded', 1)`).run(
          first!.id,
          second!.id,
        );
        legacyCheckpoint(projection.name, 1, second!.position);

        // When the runner starts
        const projections = runner([projection]);
        await projections.start();
        await projections.waitFor(third!.position, { timeoutMs: WAIT_MS });

        // Then only the third was applied, and the checkpoint now names this store
        expect(projection.calls()).toBe(1);
        expect(ids(projection.rows(db))).toEqual(ids(await store.readAll()));
        expect(db.prepare('SELECT store_id, store_head FROM projection_checkpoints WHERE name = ?').get(projection.name)).toEqual({
          store_id: await store.identity(),
          store_head: third!.position,
        });
      });

      it('rebuilds when its position is beyond the end of the log, or not a position of this store', async () => {
        const last = await append(2);
        const [beyond, foreign] = [ledger(), ledger()];
        legacyCheckpoint(beyond.name, 1, '7');
        db.prepare("INSERT INTO projection_checkpoints VALUES (?, 1, '3:3', 'stopped', NULL, '2026-01-01T00:00:00.000Z')").run(foreign.name);

        const projections = runner([beyond, foreign]);
        await projections.start();
        await projections.waitFor(last, { timeoutMs: WAIT_MS });

        expect([beyond.rows(db).length, foreign.rows(db).length]).toEqual([2, 2]);
        const reasons = logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);
        expect(reasons).toEqual([
          expect.stringContaining('its checkpoint 7 is beyond the end of the log (2)'),
          expect.stringContaining('its checkpoint is not a position of this event store'),
        ]);
      });
    });

    it('rebuilds when the log ends before where it ended when last seen (restored from an older backup)', async () => {
      // Given a projection whose checkpoint is within the log, but which saw the log reach further
      const last = await append(3);
      const projection = ledger({ eventTypes: ['ItemRemoved'] });
      const first = runner([projection]);
      await first.start();
      await first.stop();
      db.prepare("UPDATE projection_checkpoints SET position = '1', store_head = '9' WHERE name = ?").run(projection.name);

      // When it starts again
      const second = runner([ledger({ name: projection.name, eventTypes: ['ItemRemoved'] })]);
      await second.start();
      await second.waitFor(last, { timeoutMs: WAIT_MS });

      // Then it started over
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'warn', message: expect.stringContaining('the log ends at 3, before 9 where it ended when last seen') }),
      );
    });

    it('refuses to rebuild while running', async () => {
      const projections = runner([ledger()]);
      await projections.start();

      await expect(projections.rebuild()).rejects.toThrow('Stop the projection runner before rebuilding');
    });

    it('opens a broken subscription again from the checkpoint', async () => {
      // Given a store whose first two subscriptions break after one message
      const last = await append(5);
      const projection = ledger();
      const projections = runner([projection], { store: withBrokenSubscriptions(store, 2), catchUpPageSize: 0 });

      // When the runner follows it
      await projections.start();
      await projections.waitFor(last, { timeoutMs: WAIT_MS });

      // Then every event is there once, and the breaks were logged as warnings
      expect(ids(projection.rows(db))).toEqual(ids(await store.readAll()));
      expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
      expect(projections.isHealthy()).toBe(true);
    });
  });

  describe('an event store that is unavailable', () => {
    const unavailable = () => new EventStoreUnavailableError('EventStoreDB at esdb://localhost:2113 is unavailable: connection refused');

    it('is waited for as long as it lasts, the projection unavailable and unhealthy meanwhile, then followed again', async () => {
      // Given a live projection
      const outage = withOutage(store, unavailable);
      const projection = ledger();
      const projections = runner([projection], { store: outage.store, reconnectDelayMs: () => 0 });
      await projections.start();
      await projections.waitFor(await append(2), { timeoutMs: WAIT_MS });

      const before = projections.stateVersion();

      // When the store goes away for far more resubscriptions than other failures are allowed
      await outage.begin();
      await eventually(() => expect(outage.refused()).toBeGreaterThan(10 * NO_PAUSE.attempts));

      // Then the projection waits, neither failed nor healthy, and said so once
      expect(statusOf(projections, projection.name)).toMatchObject({ status: 'unavailable', error: expect.stringContaining('connection refused') });
      expect(checkpointOf(projection.name)).toMatchObject({ status: 'unavailable' });
      expect(projections.isHealthy()).toBe(false);
      expect(projections.stateVersion()).toBeGreaterThan(before);
      expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);

      // And when the store is back, it goes on from its checkpoint and is live and healthy again
      outage.end();
      const last = await append(3);
      await projections.waitFor(last, { timeoutMs: WAIT_MS });
      expect(ids(projection.rows(db))).toEqual(ids(await store.readAll()));
      await eventually(() => expect(statusOf(projections, projection.name).status).toBe('live'));
      expect(projections.isHealthy()).toBe(true);
      expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    });

    it('does not hold up stop with a pause before resubscribing', async () => {
      const outage = withOutage(store, unavailable);
      const projection = ledger();
      const projections = runner([projection], { store: outage.store, reconnectDelayMs: () => 10 * 60_000 });
      await projections.start();
      await outage.begin();
      await eventually(() => expect(statusOf(projections, projection.name).status).toBe('unavailable'));

      // The pause is ten minutes; the test's timeout is shorter.
      await projections.stop();

      expect(statusOf(projections, projection.name).status).toBe('stopped');
    });

    it('pauses between attempts doubling from 100 ms up to 5 s by default', () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8, 100, 10_000].map(cappedBackoff)).toEqual([100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000, 5_000]);
    });

    it('is told from a subscription that keeps failing for another reason, which fails the projection', async () => {
      const outage = withOutage(store, () => new Error('cannot decode the event at 12'));
      const projection = ledger();
      const projections = runner([projection], { store: outage.store, reconnectDelayMs: () => 0 });
      await projections.start();

      await outage.begin();

      await eventually(() => expect(statusOf(projections, projection.name)).toMatchObject({ status: 'failed', error: 'cannot decode the event at 12' }));
      expect(outage.refused()).toBe(NO_PAUSE.attempts);
    });
  });

  describe('failures', () => {
    it('reports a failing projection with the event and the error, while the others go on', async () => {
      // Given a projection that cannot handle the second event, beside a sound one
      const stream = `items-${randomUUID()}`;
      await store.appendToStream(stream, newEvents(3));
      const bad = (await store.readStream(stream))[1]!;
      const failing = ledger({ failOn: (event) => event.id === bad.id });
      const steady = ledger();
      const projections = runner([failing, steady]);

      // When they run and more events come
      await projections.start();
      await eventually(() => expect(statusOf(projections, failing.name).status).toBe('failed'));
      const last = await append(2);
      await projections.waitFor(last, { projections: [steady.name], timeoutMs: WAIT_MS });

      // Then the failure is reported, named, and pinned to its event
      expect(projections.isHealthy()).toBe(false);
      expect(statusOf(projections, failing.name).error).toContain(bad.id);
      expect(statusOf(projections, failing.name).error).toContain(`cannot project ${bad.id}`);
      expect(checkpointOf(failing.name)).toMatchObject({ status: 'failed', last_error: expect.stringContaining(bad.id) });
      const errors = logger.lines.filter((line) => line.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain(failing.name);
      expect(errors[0]!.object).toMatchObject({
        projection: failing.name,
        event: { id: bad.id, type: bad.type, stream: bad.stream, revision: 1, position: bad.position },
        err: expect.objectContaining({ message: `cannot project ${bad.id}` }),
      });
      // And the sound projection kept going and is live
      expect(steady.rows(db)).toHaveLength(5);
      await eventually(() => expect(statusOf(projections, steady.name).status).toBe('live'));
    });

    it('marks a projection failed when its setup throws, and starts the others', async () => {
      const broken: Projection = {
        ...ledger(),
        setup: () => {
          throw new Error('no such column');
        },
      };
      const steady = ledger();
      const projections = runner([broken, steady]);

      await projections.start();

      expect(statusOf(projections, broken.name)).toMatchObject({ status: 'failed', error: 'no such column' });
      await projections.waitFor(await append(1), { projections: [steady.name], timeoutMs: WAIT_MS });
    });
  });

  describe('waitFor', () => {
    it('resolves once the relevant rows are committed', async () => {
      // Given a live runner
      const projection = ledger();
      const projections = runner([projection]);
      await projections.start();

      // When an event is appended and its position awaited
      const position = await append(1);
      await projections.waitForEvents(new Map([['ItemAdded', position]]), { timeoutMs: WAIT_MS });

      // Then its row is readable right away
      expect(projection.rows(db)).toHaveLength(1);
    });

    it('waits only for the projections consuming the given event types, and times out with ProjectionLagError', async () => {
      // Given a projection of Gated events that lags, beside an up-to-date one of ItemAdded
      const gate = withGate(store, 'Gated');
      const items = ledger({ eventTypes: ['ItemAdded'] });
      const gated = ledger({ eventTypes: ['Gated'] });
      const projections = runner([items, gated], { store: gate.store });
      await projections.start();
      const position = await append(1, 'ItemAdded');

      // When waiting for ItemAdded readers: then the lagging projection does not matter
      await projections.waitForEvents(new Map([['ItemAdded', position]]), { timeoutMs: WAIT_MS });

      // When waiting for all readers: then it times out naming the lagging one
      const lag = await projections.waitFor(position, { timeoutMs: 20 }).catch((error: unknown) => error);
      expect(lag).toBeInstanceOf(ProjectionLagError);
      expect((lag as ProjectionLagError).lagging).toEqual([{ name: gated.name, position: null }]);

      // When it catches up: then it is waited for
      gate.open();
      await projections.waitForEvents(new Map([['Gated', position]]), { timeoutMs: WAIT_MS });
    });

    it('rejects at once when a relevant projection has failed', async () => {
      // Given a failed projection of ItemAdded and a sound one of ItemRemoved
      const failing = ledger({ eventTypes: ['ItemAdded'], failOn: () => true });
      const other = ledger({ eventTypes: ['ItemRemoved'] });
      const projections = runner([failing, other]);
      await projections.start();
      const position = await append(1, 'ItemAdded');
      await eventually(() => expect(statusOf(projections, failing.name).status).toBe('failed'));

      // Then waiting on it fails long before the deadline, while waiting on the other does not
      await expect(projections.waitForEvents(new Map([['ItemAdded', position]]), { timeoutMs: 60_000 })).rejects.toBeInstanceOf(
        ProjectionFailedError,
      );
      const removal = await append(1, 'ItemRemoved');
      await projections.waitForEvents(new Map([['ItemRemoved', removal]]), { timeoutMs: WAIT_MS });
    });

    it('waits for each projection only up to the last position of the events it consumes', async () => {
      // Given a projection of ItemAdded and one of ItemRemoved, live
      const items = ledger({ eventTypes: ['ItemAdded'] });
      const removals = ledger({ eventTypes: ['ItemRemoved'] });
      const projections = runner([items, removals]);
      await projections.start();
      await eventually(() => expect(projections.status().every((state) => state.status === 'live')).toBe(true));

      // When an ItemRemoved then an ItemAdded are written, and read-your-writes waits on both types
      const removed = await append(1, 'ItemRemoved');
      const added = await append(1, 'ItemAdded');
      await projections.waitForEvents(
        new Map([
          ['ItemRemoved', removed],
          ['ItemAdded', added],
        ]),
        { timeoutMs: WAIT_MS },
      );

      // Then each has its row; the removals projection was never asked to reach the later ItemAdded
      expect(items.rows(db)).toHaveLength(1);
      expect(removals.rows(db)).toHaveLength(1);
      expect(store.comparePositions(statusOf(projections, removals.name).position!, removed)).toBeGreaterThanOrEqual(0);
    });

    it('does not wake a projection for appends of types it does not consume', async () => {
      // Given a live projection of ItemRemoved only
      const removals = ledger({ eventTypes: ['ItemRemoved'] });
      const projections = runner([removals]);
      const commits: string[] = [];
      projections.onCommitted((name) => commits.push(name));
      await projections.start();
      await append(1, 'ItemRemoved');
      await eventually(() => expect(statusOf(projections, removals.name).status).toBe('live'));
      const before = checkpointOf(removals.name).position;

      // When ItemAdded events are appended, one commit at a time
      for (let index = 0; index < 20; index++) await append(1, 'ItemAdded');
      await new Promise((resolve) => setImmediate(resolve));

      // Then it wrote no checkpoint for them: it stays where it was until its own events come
      expect(checkpointOf(removals.name).position).toBe(before);
      const last = await append(1, 'ItemRemoved');
      await projections.waitForEvents(new Map([['ItemRemoved', last]]), { timeoutMs: WAIT_MS });
      expect(checkpointOf(removals.name).position).toBe(last);
    });

    it('moves an idle projection up to the head now and then, so its checkpoint falls only so far behind', async () => {
      // Given a live projection of ItemRemoved only
      const removals = ledger({ eventTypes: ['ItemRemoved'] });
      const projections = runner([removals]);
      await projections.start();
      await append(1, 'ItemRemoved');
      await eventually(() => expect(statusOf(projections, removals.name).status).toBe('live'));

      // When more commits of other types than the bound pass
      let last: Position | undefined;
      for (let index = 0; index < IDLE_WAKE_AFTER_COMMITS; index++) last = await append(1, 'ItemAdded');

      // Then its checkpoint reaches the head without any event of its own
      await eventually(() => expect(checkpointOf(removals.name).position).toBe(last));
    });

    it('rejects the waiters when the runner stops', async () => {
      const projections = runner([ledger({ eventTypes: ['Gated'] })], { store: withGate(store, 'Gated').store });
      await projections.start();
      const waiting = projections.waitFor(await append(1, 'Gated'), { timeoutMs: 60_000 });

      await projections.stop();

      await expect(waiting).rejects.toBeInstanceOf(ProjectionLagError);
    });
  });

  it('advances a filtered projection past events it does not consume, by checkpoint messages', async () => {
    // Given one ItemAdded event followed by events of other types
    const projection = ledger({ eventTypes: ['ItemAdded'] });
    await append(1, 'ItemAdded');
    const last = await append(5, 'ItemRenamed');

    // When the projection catches up
    const projections = runner([projection]);
    await projections.start();
    await projections.waitFor(last, { projections: [projection.name], timeoutMs: WAIT_MS });

    // Then its checkpoint is at the end of the log, with one row
    expect(checkpointOf(projection.name).position).toBe(last);
    expect(projection.rows(db)).toHaveLength(1);
  });

  it('reports every projection stopped after stop, with its position kept', async () => {
    const projection = ledger();
    const projections = runner([projection]);
    await projections.start();
    const position = await append(2);
    await projections.waitFor(position, { timeoutMs: WAIT_MS });

    await projections.stop();

    expect(projections.status()).toEqual([{ name: projection.name, version: 1, position, status: 'stopped' }]);
    expect(checkpointOf(projection.name)).toMatchObject({ position, status: 'stopped' });
  });

  it('moves its state version with every commit and status change, and only then', async () => {
    // Given a live runner that has applied what was appended
    const projections = runner([ledger(), ledger({ eventTypes: ['ItemAdded', 'Poison'], failOn: (event) => event.type === 'Poison' })]);
    await projections.start();
    await projections.waitFor(await append(2), { timeoutMs: WAIT_MS });
    await eventually(() => expect(projections.status().every((state) => state.status === 'live')).toBe(true));
    const idle = projections.stateVersion();

    // Then it stands still while nothing happens
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(projections.stateVersion()).toBe(idle);

    // And it moves when rows are committed
    await projections.waitFor(await append(1), { timeoutMs: WAIT_MS });
    const committed = projections.stateVersion();
    expect(committed).toBeGreaterThan(idle);

    // And when a projection fails, which changes no row but what health answers
    await append(1, 'Poison');
    await eventually(() => expect(projections.isHealthy()).toBe(false));
    expect(projections.stateVersion()).toBeGreaterThan(committed);
  });

  it('refuses two projections of the same name', () => {
    const projection = ledger();

    expect(() => runner([projection, ledger({ name: projection.name })])).toThrow(`Two projections are named "${projection.name}"`);
  });
});
