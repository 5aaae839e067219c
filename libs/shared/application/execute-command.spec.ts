import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '#event-store/in-memory';
import { DomainError, type CommandContext, type Decider, type DomainEvent } from '#shared';
import { executeCommand, MAX_ATTEMPTS } from './execute-command.js';

// A counter that refuses to go above a limit: enough to see races and stale versions.
type CounterEvent = DomainEvent<'Incremented', { by: number }>;
type CounterCommand = { by: number; limit: number };
const counter: Decider<CounterCommand, CounterEvent, number> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (command.by === 0) return [];
    if (state + command.by > command.limit) throw new DomainError('CONFLICT', `limit ${command.limit} reached`);
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

const context: CommandContext = {
  actor: { id: 'ana', team: 'SALES', lead: false },
  now: Date.parse('2026-03-01T10:00:00Z'),
  correlationId: 'corr-1',
};

describe('executeCommand', () => {
  it('appends what the decider decides, with the metadata every event carries', async () => {
    const store = new InMemoryEventStore();
    const stream = `counter-${randomUUID()}`;
    const result = await executeCommand(store, counter, { stream, command: { by: 2, limit: 10 }, context, describe: 'Counter' });
    expect(result.state).toBe(2);
    expect(result.revision).toBe(0);
    const [event] = await store.readStream(stream);
    expect(event?.metadata).toEqual({
      actor: 'ana',
      team: 'SALES',
      recordedAt: '2026-03-01T10:00:00.000Z',
      correlationId: 'corr-1',
      causationId: expect.any(String),
    });
  });

  it('answers an idempotent repeat without appending, even with a stale expectedVersion', async () => {
    const store = new InMemoryEventStore();
    const stream = `counter-${randomUUID()}`;
    const first = await executeCommand(store, counter, { stream, command: { by: 1, limit: 10 }, context, describe: 'Counter' });
    const repeat = await executeCommand(store, counter, {
      stream,
      command: { by: 0, limit: 10 },
      context,
      expectedVersion: 7,
      describe: 'Counter',
    });
    expect(repeat.appended).toEqual([]);
    expect(repeat.position).toEqual(first.position);
    expect(repeat.eventTypes).toEqual(['Incremented']);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses a stale expectedVersion with both versions', async () => {
    const store = new InMemoryEventStore();
    const stream = `counter-${randomUUID()}`;
    await executeCommand(store, counter, { stream, command: { by: 1, limit: 10 }, context, describe: 'Counter' });
    await executeCommand(store, counter, { stream, command: { by: 1, limit: 10 }, context, describe: 'Counter' });
    const error = await executeCommand(store, counter, {
      stream,
      command: { by: 1, limit: 10 },
      context,
      expectedVersion: 0,
      describe: 'Counter',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VERSION_MISMATCH', details: { expectedVersion: 0, actualVersion: 1 } });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('decides again on the new state after losing a race, so a rule is never broken', async () => {
    const store = new InMemoryEventStore();
    const stream = `counter-${randomUUID()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => executeCommand(store, counter, { stream, command: { by: 1, limit: 3 }, context, describe: 'Counter' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual([
      'CONFLICT',
    ]);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('gives up after a bounded number of lost races', async () => {
    const store = new InMemoryEventStore();
    const stream = `counter-${randomUUID()}`;
    let appends = 0;
    const racing = Object.create(store) as InMemoryEventStore;
    racing.appendToStream = async (name, events, options) => {
      appends += 1;
      // Someone else writes first, every time.
      await store.appendToStream(name, [{ id: randomUUID(), type: 'Incremented', data: { by: 0 }, metadata: {} }]);
      return store.appendToStream(name, events, options);
    };
    const error = await executeCommand(racing, counter, { stream, command: { by: 1, limit: 100 }, context, describe: 'Counter' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(appends).toBe(MAX_ATTEMPTS);
  });
});
