import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '#event-store/in-memory';
import { DomainError, type Aggregate, type CommandContext, type DomainEvent } from '#shared';
import { decidedEventId } from './event-ids.js';
import { handleCommand, MAX_ATTEMPTS, readAggregate } from './handle-command.js';

// A counter that refuses to go above a limit: enough to see races and stale versions.
type CounterEvent = DomainEvent<'Incremented', { by: number }>;
type CounterCommand = { by: number; limit: number };
const counter: Aggregate<CounterCommand, CounterEvent, number> = {
  decider: {
    initialState: () => 0,
    evolve: (state, event) => state + event.data.by,
    decide: (command, state) => {
      if (command.by === 0) return [];
      if (state + command.by > command.limit) throw new DomainError('CONFLICT', `limit ${command.limit} reached`);
      return [{ type: 'Incremented', data: { by: command.by } }];
    },
  },
  streamFor: (id) => `counter-${id}`,
  describe: (id) => `Counter "${id}"`,
};

const context: CommandContext = {
  actor: { id: 'ana', team: 'SALES', lead: false },
  now: Date.parse('2026-03-01T10:00:00Z'),
  correlationId: 'corr-1',
};

const by = (amount: number, limit = 10): CounterCommand => ({ by: amount, limit });

describe('handleCommand', () => {
  it('appends what the decider decides to the instance stream, with the metadata every event carries', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    const result = await handleCommand(store, counter, id, by(2), context);
    expect(result.state).toBe(2);
    expect(result.revision).toBe(0);
    const [event] = await store.readStream(`counter-${id}`);
    expect(event?.metadata).toEqual({
      actor: 'ana',
      team: 'SALES',
      recordedAt: '2026-03-01T10:00:00.000Z',
      correlationId: 'corr-1',
      causationId: expect.any(String),
    });
    expect(await readAggregate(store, counter, id)).toMatchObject({ state: 2, revision: 0, position: result.position });
  });

  it('gives the events ids derived from the command execution that caused them, and the position of each', async () => {
    // Given a decider that decides two events at once
    const pair: Aggregate<CounterCommand, CounterEvent, number> = {
      ...counter,
      decider: { ...counter.decider, decide: (command) => [1, 2].map(() => ({ type: 'Incremented', data: { by: command.by } })) },
    };
    const store = new InMemoryEventStore();
    const id = randomUUID();

    // When a command runs
    const result = await handleCommand(store, pair, id, by(1), context);

    // Then each event's id is the one its command, its try and its index give
    const stored = await store.readStream(`counter-${id}`);
    const causationId = stored[0]!.metadata['causationId'] as string;
    expect(stored.map((event) => event.id)).toEqual([decidedEventId(causationId, 1, 0), decidedEventId(causationId, 1, 1)]);
    // And the result places each appended event where the log holds it
    expect(result.appended.map((event) => [event.id, event.position])).toEqual(stored.map((event) => [event.id, event.position]));
    expect(result.positions).toEqual(new Map([['Incremented', stored[1]!.position]]));
  });

  it('answers an idempotent repeat without appending, with the stream position and types to wait for', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    const first = await handleCommand(store, counter, id, by(1), context);
    const repeat = await handleCommand(store, counter, id, by(0), context);
    expect(repeat.appended).toEqual([]);
    expect(repeat.position).toEqual(first.position);
    expect(repeat.positions).toEqual(new Map([['Incremented', first.position]]));
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
  });

  describe('expectedVersion, as an If-Match', () => {
    it('runs the command when the stream is at exactly that revision', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1), context);
      const result = await handleCommand(store, counter, id, by(1), context, { expectedVersion: 0 });
      expect(result.revision).toBe(1);
    });

    it('refuses a stale expectedVersion with both versions, and writes nothing', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1), context);
      await handleCommand(store, counter, id, by(1), context);
      const error = await handleCommand(store, counter, id, by(1), context, { expectedVersion: 0 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'VERSION_MISMATCH', details: { expectedVersion: 0, actualVersion: 1 } });
      expect((error as Error).message).toContain(`Counter "${id}"`);
      expect(await store.readStream(`counter-${id}`)).toHaveLength(2);
    });

    it('refuses a stale expectedVersion even when the command would change nothing', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1), context);
      await handleCommand(store, counter, id, by(1), context);
      const error = await handleCommand(store, counter, id, by(0), context, { expectedVersion: 0 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VERSION_MISMATCH', details: { expectedVersion: 0, actualVersion: 1 } });
    });

    it('accepts a repeat that changes nothing at the current version', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1), context);
      const repeat = await handleCommand(store, counter, id, by(0), context, { expectedVersion: 0 });
      expect(repeat.appended).toEqual([]);
    });

    it('says there is no version yet for a stream that does not exist', async () => {
      const store = new InMemoryEventStore();
      const error = await handleCommand(store, counter, randomUUID(), by(1), context, { expectedVersion: 0 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: 'VERSION_MISMATCH', details: { expectedVersion: 0, actualVersion: null } });
    });

    it("answers the decider's own refusal first: a broken rule is not a stale version", async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1), context);
      const error = await handleCommand(store, counter, id, by(20), context, { expectedVersion: 5 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'CONFLICT', message: 'limit 10 reached' });
    });

    it('lets exactly one of many concurrent changes pinned to one version through', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1, 100), context);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => handleCommand(store, counter, id, by(1, 100), context, { expectedVersion: 0 })),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(refused.map((result) => (result.reason as DomainError).code)).toEqual(Array(19).fill('VERSION_MISMATCH'));
      expect(await store.readStream(`counter-${id}`)).toHaveLength(2);
    });

    it('refuses every later command pinned to the version the stream has left, whether or not it would change anything', async () => {
      const store = new InMemoryEventStore();
      const id = randomUUID();
      await handleCommand(store, counter, id, by(1, 100), context);
      await handleCommand(store, counter, id, by(1, 100), context, { expectedVersion: 0 });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) => handleCommand(store, counter, id, by(index % 2, 100), context, { expectedVersion: 0 })),
      );
      expect(results.map((result) => (result.status === 'rejected' ? (result.reason as DomainError).code : 'OK'))).toEqual(
        Array(20).fill('VERSION_MISMATCH'),
      );
      expect(await store.readStream(`counter-${id}`)).toHaveLength(2);
    });
  });

  it('decides again on the new state after losing a race, so a rule is never broken', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => handleCommand(store, counter, id, by(1, 3), context)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual([
      'CONFLICT',
    ]);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(3);
  });

  it('gives up after a bounded number of lost races', async () => {
    const store = new InMemoryEventStore();
    const id = randomUUID();
    let appends = 0;
    const racing = Object.create(store) as InMemoryEventStore;
    racing.appendToStream = async (name, events, options) => {
      appends += 1;
      // Someone else writes first, every time.
      await store.appendToStream(name, [{ id: randomUUID(), type: 'Incremented', data: { by: 0 }, metadata: {} }]);
      return store.appendToStream(name, events, options);
    };
    const error = await handleCommand(racing, counter, id, by(1, 100), context).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(appends).toBe(MAX_ATTEMPTS);
  });
});
