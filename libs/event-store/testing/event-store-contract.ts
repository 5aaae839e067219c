import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  ANY,
  AppendTooLargeError,
  DuplicateEventIdError,
  MAX_APPEND_BYTES,
  NO_STREAM,
  STREAM_EXISTS,
  StreamTruncatedError,
  UnreadableEventError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type SubscriptionMessage,
} from '../index.js';
import { eventsOf, includesEvent, SubscriptionReader } from './subscription-reader.js';

/**
 * What the suite needs to do to a store that the port does not offer: what other programs, or
 * EventStoreDB's own stream settings, do to a log.
 */
export interface ContractFixtures {
  /** Makes the stream's events before `revision` unreadable from the stream, as EventStoreDB's $tb does. */
  truncateStream(stream: string, revision: number): Promise<void>;
  /**
   * Stores an event as another program sharing the store might: `data` kept as the text given,
   * not a JSON object (EventStoreDB: a binary event).
   */
  appendForeign(stream: string, event: { readonly id: string; readonly type: string; readonly data: string }): Promise<void>;
}

export interface ContractStoreFactory {
  (): Promise<{ store: EventStore; dispose(): Promise<void>; fixtures: ContractFixtures }>;
}

export interface ContractOptions {
  /** Whether positions are the consecutive integers 1, 2, 3, ... (a local log) or may jump. */
  readonly gapFreePositions: boolean;
  /**
   * Whether an event id may be stored once in the whole log. Local logs refuse an append reusing
   * an id held elsewhere (DuplicateEventIdError); EventStoreDB has no index by event id and
   * stores it again, recognising a retry only right after the expected revision (or, with ANY,
   * while it remembers the ids). Ids derived from what produced the events keep them apart.
   */
  readonly eventIdsUniqueInLog: boolean;
  /** Says how to run a suite that has no store; a default names EventStoreDB's settings. */
  readonly howToRun?: string;
}

/** How long a test waits for a subscription's next message: a bound on a hang, not a speed limit. */
const WAIT_MS = 30_000;

const DEFAULT_HOW_TO_RUN =
  'set EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false (docker compose up -d eventstore) and run npm run test:esdb';

/**
 * The behaviour every event store adapter promises. Tests name their own streams and event types
 * (random ids) and read the log only from positions they obtained, so the suite also runs against
 * a shared server that already holds other events. Without a factory the suite is listed as
 * skipped, with a notice saying how to run it.
 */
export function describeEventStoreContract(
  adapterName: string,
  createStore: ContractStoreFactory | undefined,
  options: ContractOptions,
): void {
  if (createStore === undefined) {
    const notice = `${adapterName} contract suite skipped: ${options.howToRun ?? DEFAULT_HOW_TO_RUN}`;
    console.warn(notice);
    describe.skip(`${adapterName} event store contract (${notice})`, () => {
      defineContract(() => Promise.reject(new Error(notice)), options);
    });
    return;
  }
  describe(`${adapterName} event store contract`, () => {
    defineContract(createStore, options);
  });
}

function defineContract(createStore: ContractStoreFactory, options: ContractOptions): void {
  let store: EventStore;
  let dispose: () => Promise<void>;
  let fixtures: ContractFixtures;
  let readers: SubscriptionReader[];

  beforeEach(async () => {
    ({ store, dispose, fixtures } = await createStore());
    readers = [];
  });

  afterEach(async () => {
    await Promise.all(readers.map((reader) => reader.close()));
    await dispose();
  });

  // The contract tier's timeout (jest.config.js) applies.
  const test = (name: string, body: () => Promise<void>) => it(name, body);

  /** Names private to one test, and the position of the log before it wrote anything. */
  function scenario() {
    const suffix = randomUUID();
    const streams = new Set<string>();
    return {
      stream(name = 'contract'): string {
        const stream = `${name}-${randomUUID()}`;
        streams.add(stream);
        return stream;
      },
      type(name: string): string {
        return `${name}.${suffix}`;
      },
      /** Only the events of this test's streams: a shared log holds others. */
      mine(events: readonly RecordedEvent[]): RecordedEvent[] {
        return events.filter((event) => streams.has(event.stream));
      },
      /** Appends to a stream of its own, so that its position comes before every later event. */
      async marker(): Promise<Position> {
        const { position } = await store.appendToStream(`contract-marker-${randomUUID()}`, [newEvent('ContractMarker')]);
        return position;
      },
    };
  }

  function subscribe(subscribeOptions: SubscribeToAllOptions): SubscriptionReader {
    const reader = new SubscriptionReader(store.subscribeToAll(subscribeOptions), WAIT_MS);
    readers.push(reader);
    return reader;
  }

  describe('appendToStream', () => {
    test('numbers a new stream from revision 0 and returns the revision and position of its last event', async () => {
      // Given a new stream
      const stream = scenario().stream();

      // When three events are appended to it
      const result = await store.appendToStream(stream, [newEvent('A'), newEvent('B'), newEvent('C')], {
        expectedRevision: NO_STREAM,
      });

      // Then they hold revisions 0, 1, 2, and the result points at the last one
      const recorded = await store.readStream(stream);
      expect(recorded.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(result.nextExpectedRevision).toBe(2);
      expect(store.comparePositions(result.position, recorded[2]!.position)).toBe(0);
    });

    test('continues the revisions of a stream where it left off', async () => {
      // Given a stream of two events
      const stream = scenario().stream();
      const first = await store.appendToStream(stream, [newEvent('A'), newEvent('B')]);

      // When one more is appended with the revision the first append returned
      const second = await store.appendToStream(stream, [newEvent('C')], { expectedRevision: first.nextExpectedRevision });

      // Then it is revision 2, after the others in the log
      expect(second.nextExpectedRevision).toBe(2);
      expect(store.comparePositions(second.position, first.position)).toBeGreaterThan(0);
      expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
    });
  });

  describe('expected revision', () => {
    test('ANY, the default, appends to a missing stream and to an existing one', async () => {
      const stream = scenario().stream();

      const created = await store.appendToStream(stream, [newEvent('A')], { expectedRevision: ANY });
      const continued = await store.appendToStream(stream, [newEvent('B')], { expectedRevision: ANY });
      const byDefault = await store.appendToStream(stream, [newEvent('C')]);

      expect([created, continued, byDefault].map((result) => result.nextExpectedRevision)).toEqual([0, 1, 2]);
    });

    test('NO_STREAM appends to a missing stream', async () => {
      const stream = scenario().stream();

      const result = await store.appendToStream(stream, [newEvent('A')], { expectedRevision: NO_STREAM });

      expect(result.nextExpectedRevision).toBe(0);
    });

    test('NO_STREAM is rejected by an existing stream, which reports its revision', async () => {
      // Given a stream of two events
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B')]);

      // When an append expects it not to exist
      const error = await rejectionOf(store.appendToStream(stream, [newEvent('C')], { expectedRevision: NO_STREAM }));

      // Then it is rejected with the stream's actual revision, and nothing is written
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: NO_STREAM, actual: 1 });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    test('STREAM_EXISTS appends to an existing stream', async () => {
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('A')]);

      const result = await store.appendToStream(stream, [newEvent('B')], { expectedRevision: STREAM_EXISTS });

      expect(result.nextExpectedRevision).toBe(1);
    });

    test('STREAM_EXISTS is rejected by a missing stream, reported as no_stream', async () => {
      const stream = scenario().stream();

      const error = await rejectionOf(store.appendToStream(stream, [newEvent('A')], { expectedRevision: STREAM_EXISTS }));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: STREAM_EXISTS, actual: NO_STREAM });
      expect(await store.readStream(stream)).toEqual([]);
    });

    test('an exact revision appends when it is the revision of the last event', async () => {
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B')]);

      const result = await store.appendToStream(stream, [newEvent('C')], { expectedRevision: 1 });

      expect(result.nextExpectedRevision).toBe(2);
    });

    test('an exact revision is rejected when the stream moved on, or is behind it', async () => {
      // Given a stream at revision 1
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B')]);

      // When appends expect a stale revision and one the stream has not reached
      const stale = await rejectionOf(store.appendToStream(stream, [newEvent('C')], { expectedRevision: 0 }));
      const ahead = await rejectionOf(store.appendToStream(stream, [newEvent('C')], { expectedRevision: 5 }));

      // Then both are rejected with the actual revision
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ stream, expected: 0, actual: 1 });
      expect(ahead).toBeInstanceOf(WrongExpectedRevisionError);
      expect(ahead).toMatchObject({ stream, expected: 5, actual: 1 });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    test('an exact revision is rejected by a missing stream, reported as no_stream', async () => {
      const stream = scenario().stream();

      const error = await rejectionOf(store.appendToStream(stream, [newEvent('A')], { expectedRevision: 0 }));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: 0, actual: NO_STREAM });
      expect(await store.readStream(stream)).toEqual([]);
    });

    test('of concurrent appends expecting the same revision, exactly one wins', async () => {
      // Given a stream at revision 0
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('Opened')]);
      const contenders = Array.from({ length: 5 }, () => newEvent('Claimed'));

      // When five appends expecting revision 0 run at the same time
      const outcomes = await Promise.allSettled(
        contenders.map((event) => store.appendToStream(stream, [event], { expectedRevision: 0 })),
      );

      // Then one wins revision 1 and the others are told the stream moved on
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(4);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loser).toMatchObject({ stream, expected: 0, actual: 1 });
      }
      const recorded = await store.readStream(stream);
      expect(recorded).toHaveLength(2);
      expect(contenders.map((event) => event.id)).toContain(recorded[1]!.id);
    });

    test('of concurrent appends creating the same stream, exactly one wins', async () => {
      const stream = scenario().stream();

      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => store.appendToStream(stream, [newEvent('Opened')], { expectedRevision: NO_STREAM })),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
        expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('atomic and idempotent appends', () => {
    test('a rejected append of several events writes none of them', async () => {
      // Given a stream at revision 0
      const t = scenario();
      const stream = t.stream();
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent('A')]);
      const batch = [newEvent('B'), newEvent('C'), newEvent('D')];

      // When a batch of three is appended with a wrong expected revision
      await expect(store.appendToStream(stream, batch, { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );

      // Then none of its events is in the stream or the log
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['A']);
      const logged = t.mine(await store.readAll({ fromPosition: from })).map((event) => event.id);
      for (const event of batch) expect(logged).not.toContain(event.id);
    });

    test('appending the same events again returns the first result and stores nothing new', async () => {
      // Given two events appended to a new stream
      const stream = scenario().stream();
      const events = [newEvent('A'), newEvent('B')];
      const first = await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });

      // When the same append is retried, expectation included
      const retried = await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });

      // Then it answers as the first time and the stream still holds two events
      expectSameResult(store, retried, first);
      expect((await store.readStream(stream)).map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    test('a retry with an expected revision the stream has since moved past is still a no-op', async () => {
      // Given an append, then another one after it
      const stream = scenario().stream();
      const created = newEvent('Created');
      const first = await store.appendToStream(stream, [created], { expectedRevision: NO_STREAM });
      await store.appendToStream(stream, [newEvent('Renamed')], { expectedRevision: 0 });

      // When the first append is retried with the expectation it had then
      const retried = await store.appendToStream(stream, [created], { expectedRevision: NO_STREAM });

      // Then it returns the first result instead of a conflict, and nothing is duplicated
      expectSameResult(store, retried, first);
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['Created', 'Renamed']);
    });

    test('a batch of which only some events were stored before is rejected and stores none', async () => {
      // Given a stream holding one event
      const stream = scenario().stream();
      const stored = newEvent('A');
      await store.appendToStream(stream, [stored]);
      const fresh = newEvent('B');

      // When a batch mixes that event with a new one
      await expect(store.appendToStream(stream, [stored, fresh])).rejects.toBeInstanceOf(DuplicateEventIdError);

      // Then the new one is not stored
      expect((await store.readStream(stream)).map((event) => event.id)).toEqual([stored.id]);
    });
  });

  describe('event ids', () => {
    test('an id that is not a UUID, or is the nil UUID, is refused and nothing is stored', async () => {
      const stream = scenario().stream();

      for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', `{${randomUUID()}}`]) {
        await expect(store.appendToStream(stream, [{ ...newEvent('A'), id }])).rejects.toThrow(TypeError);
      }

      expect(await store.readStream(stream)).toEqual([]);
    });

    test('an id is kept in lower case, so a retry sent in another case is recognised', async () => {
      // Given an event appended with an upper-case id
      const stream = scenario().stream();
      const event = { ...newEvent('A'), id: randomUUID().toUpperCase() };
      const first = await store.appendToStream(stream, [event], { expectedRevision: NO_STREAM });

      // When it is read, and appended again in lower case
      const [stored] = await store.readStream(stream);
      const retried = await store.appendToStream(stream, [{ ...event, id: event.id.toLowerCase() }], { expectedRevision: NO_STREAM });

      // Then it reads in lower case, and the retry is the first append
      expect(stored!.id).toBe(event.id.toLowerCase());
      expectSameResult(store, retried, first);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    test('a retry with the expected revision it had returns the first result, whether or not the stream moved on', async () => {
      // Given two events appended after revision 0, and one more after them
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('Opened')]);
      const batch = [newEvent('A'), newEvent('B')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: 0 });
      const again = await store.appendToStream(stream, batch, { expectedRevision: 0 });
      await store.appendToStream(stream, [newEvent('C')], { expectedRevision: 2 });

      // When the batch is appended again expecting revision 0
      const retried = await store.appendToStream(stream, batch, { expectedRevision: 0 });

      // Then each time it is the first append, stored once
      expectSameResult(store, again, first);
      expectSameResult(store, retried, first);
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['Opened', 'A', 'B', 'C']);
    });

    test('a retry with ANY returns the first result', async () => {
      const stream = scenario().stream();
      const batch = [newEvent('A'), newEvent('B')];
      const first = await store.appendToStream(stream, batch, { expectedRevision: ANY });

      const retried = await store.appendToStream(stream, batch, { expectedRevision: ANY });

      expectSameResult(store, retried, first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    test('a batch stored elsewhere in the stream than right after the expected revision is a conflict, not a retry', async () => {
      // Given a stream of two events, the second being the one appended again
      const stream = scenario().stream();
      const event = newEvent('B');
      await store.appendToStream(stream, [newEvent('A'), event]);

      // When it is appended expecting no stream
      const error = await rejectionOf(store.appendToStream(stream, [event], { expectedRevision: NO_STREAM }));

      // Then the stream was not where the caller thought
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: NO_STREAM, actual: 1 });
    });

    test(
      options.eventIdsUniqueInLog
        ? 'an id held by another stream is refused (DuplicateEventIdError)'
        : 'an id held by another stream is stored again: EventStoreDB keeps no index by event id',
      async () => {
        // Given an event in one stream
        const t = scenario();
        const [one, two] = [t.stream('one'), t.stream('two')];
        const event = newEvent('A');
        await store.appendToStream(one, [event]);

        // When the same id is appended to another stream
        const outcome = store.appendToStream(two, [event], { expectedRevision: NO_STREAM });

        // Then (as the store promises) it is refused, or a second event with that id
        if (options.eventIdsUniqueInLog) {
          await expect(outcome).rejects.toBeInstanceOf(DuplicateEventIdError);
          expect(await store.readStream(two)).toEqual([]);
        } else {
          await outcome;
          expect((await store.readStream(two)).map((stored) => stored.id)).toEqual([event.id]);
        }
        expect((await store.readStream(one)).map((stored) => stored.id)).toEqual([event.id]);
      },
    );
  });

  describe('what an append may hold', () => {
    test(`an append whose data exceeds ${MAX_APPEND_BYTES} bytes is refused whole (AppendTooLargeError)`, async () => {
      // Given two events that each fit, but not together
      const stream = scenario().stream();
      const half = 'x'.repeat(MAX_APPEND_BYTES / 2 + 1);
      const events = [newEvent('Big', { text: half }), newEvent('Big', { text: half })];

      // Then the append is refused and nothing is stored
      await expect(store.appendToStream(stream, events)).rejects.toBeInstanceOf(AppendTooLargeError);
      expect(await store.readStream(stream)).toEqual([]);
    });

    test('streams and event types starting with $, reserved for the store, are refused', async () => {
      const stream = scenario().stream();

      await expect(store.appendToStream(`$${stream}`, [newEvent('A')])).rejects.toThrow(TypeError);
      await expect(store.appendToStream(stream, [newEvent('$A')])).rejects.toThrow(TypeError);
      await expect(store.appendToStream(stream, [newEvent('')])).rejects.toThrow(TypeError);
      expect(await store.readStream(stream)).toEqual([]);
    });

    test('metadata keys starting with $, reserved for the store, are refused; correlation and causation ids read back as given', async () => {
      const stream = scenario().stream();
      const metadata = { correlationId: randomUUID(), causationId: randomUUID(), actor: 'u-1' };

      await expect(store.appendToStream(stream, [newEvent('A', {}, { $correlationId: randomUUID() })])).rejects.toThrow(TypeError);
      await store.appendToStream(stream, [newEvent('B', {}, metadata)]);

      expect((await store.readStream(stream)).map((event) => [event.type, event.metadata])).toEqual([['B', metadata]]);
    });

    test('when an append gives each event its position, they are the positions the log holds', async () => {
      const stream = scenario().stream();

      const single = await store.appendToStream(stream, [newEvent('A')]);
      const batch = await store.appendToStream(stream, [newEvent('B'), newEvent('C')]);

      const stored = await store.readStream(stream);
      for (const [result, events] of [
        [single, stored.slice(0, 1)],
        [batch, stored.slice(1)],
      ] as const) {
        if (result.positions === undefined) continue;
        expect(result.positions).toHaveLength(events.length);
        result.positions.forEach((position, index) => expect(store.comparePositions(position, events[index]!.position)).toBe(0));
      }
    });
  });

  describe('truncated streams', () => {
    test('a stream whose first events are gone is an error from revision 0, never a shorter aggregate', async () => {
      // Given a stream of four events whose first two were truncated
      const stream = scenario().stream();
      await store.appendToStream(stream, ['A', 'B', 'C', 'D'].map((type) => newEvent(type)));
      await fixtures.truncateStream(stream, 2);

      // When it is read, or folded, from the start
      const read = await rejectionOf(store.readStream(stream));
      const folded = await rejectionOf(store.aggregateStream(stream, { initialState: () => 0, evolve: (count) => count + 1 }));

      // Then both say where it starts now
      for (const error of [read, folded]) {
        expect(error).toBeInstanceOf(StreamTruncatedError);
        expect(error).toMatchObject({ stream, fromRevision: 0, firstRevision: 2 });
      }
      // And what it still holds reads, and appends number on after it
      expect((await store.readStream(stream, { fromRevision: 2 })).map((event) => event.type)).toEqual(['C', 'D']);
      expect((await store.appendToStream(stream, [newEvent('E')], { expectedRevision: 3 })).nextExpectedRevision).toBe(4);
    });
  });

  describe('a log shared with other programs', () => {
    test('readAll and subscriptions skip foreign events that are not of a requested type, and the store\'s own', async () => {
      // Given events of this test around foreign ones: not JSON, and of a type reserved for the store
      const t = scenario();
      const [stream, foreign] = [t.stream('ours'), t.stream('foreign')];
      const [wanted, binary] = [t.type('Wanted'), t.type('Binary')];
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent(wanted)]);
      const foreignIds = [randomUUID(), randomUUID()];
      await fixtures.appendForeign(foreign, { id: foreignIds[0]!, type: binary, data: '\u0001 not json' });
      await fixtures.appendForeign(foreign, { id: foreignIds[1]!, type: `$${binary}`, data: '{}' });
      const last = newEvent(wanted);
      await store.appendToStream(stream, [last]);

      // When the log is read and followed, with and without a type filter
      const all = await store.readAll({ fromPosition: from });
      const filtered = await store.readAll({ fromPosition: from, eventTypes: [wanted] });
      const followed = await subscribe({ fromPosition: from }).readUntil(includesEvent(last.id), 'the last event');
      const followedFiltered = await subscribe({ fromPosition: from, eventTypes: [wanted] }).readUntil(includesEvent(last.id), 'the last event');

      // Then only our events come, in order, and no read fails on the foreign ones
      for (const events of [all, filtered, eventsOf(followed), eventsOf(followedFiltered)]) {
        expect(events.map((event) => event.id)).not.toEqual(expect.arrayContaining([foreignIds[0]]));
        expect(events.map((event) => event.id)).not.toEqual(expect.arrayContaining([foreignIds[1]]));
        expect(t.mine(events).map((event) => event.type)).toEqual([wanted, wanted]);
      }
    });

    test('an event of a requested type, or in a stream read, that this port could not have written is an error naming it', async () => {
      const t = scenario();
      const foreign = t.stream('foreign');
      const binary = t.type('Binary');
      const from = await t.marker();
      const id = randomUUID();
      await fixtures.appendForeign(foreign, { id, type: binary, data: '\u0001 not json' });

      const fromAll = await rejectionOf(store.readAll({ fromPosition: from, eventTypes: [binary] }));
      const fromStream = await rejectionOf(store.readStream(foreign));

      for (const error of [fromAll, fromStream]) {
        expect(error).toBeInstanceOf(UnreadableEventError);
        expect((error as Error).message).toContain(id);
      }
    });
  });

  describe('readStream', () => {
    test('returns the events in revision order, as they were appended', async () => {
      const stream = scenario().stream();
      const events = [
        newEvent('Opened', { amount: { value: 1200.5, currency: 'EUR' }, tags: ['a', 'b'], note: null, won: false }),
        newEvent('Renamed', { name: 'Grüße "quoted" \u00e9' }, { correlationId: randomUUID(), actor: { id: 'u-1' } }),
        newEvent('Closed'),
      ];
      await store.appendToStream(stream, events.slice(0, 2));
      await store.appendToStream(stream, events.slice(2));

      const recorded = await store.readStream(stream);

      expect(recorded.map(asNewEvent)).toEqual(events);
      expect(recorded.map((event) => [event.stream, event.revision])).toEqual([
        [stream, 0],
        [stream, 1],
        [stream, 2],
      ]);
      expect(store.comparePositions(recorded[0]!.position, recorded[1]!.position)).toBeLessThan(0);
      expect(store.comparePositions(recorded[1]!.position, recorded[2]!.position)).toBeLessThan(0);
    });

    test('reads from a revision, at most a number of events', async () => {
      const stream = scenario().stream();
      await store.appendToStream(stream, ['A', 'B', 'C', 'D', 'E'].map((type) => newEvent(type)));

      const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
        (await store.readStream(stream, options)).map((event) => event.revision);

      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ fromRevision: 1, maxCount: 3 })).toEqual([1, 2, 3]);
      expect(await revisions({ fromRevision: 5 })).toEqual([]);
    });

    test('returns nothing for a stream that does not exist', async () => {
      expect(await store.readStream(scenario().stream())).toEqual([]);
    });
  });

  describe('aggregateStream', () => {
    const options = {
      initialState: () => ({ total: 0, types: [] as string[] }),
      evolve: (state: { total: number; types: string[] }, event: RecordedEvent) => ({
        total: state.total + Number(event.data['amount'] ?? 0),
        types: [...state.types, event.type],
      }),
    };

    test('folds the stream with evolve from the initial state and gives its current revision', async () => {
      const stream = scenario().stream();
      await store.appendToStream(stream, [newEvent('Added', { amount: 5 }), newEvent('Added', { amount: 7 })]);
      await store.appendToStream(stream, [newEvent('Removed', { amount: -2 })]);

      const result = await store.aggregateStream(stream, options);

      expect(result).toEqual({ state: { total: 10, types: ['Added', 'Added', 'Removed'] }, currentRevision: 2 });
    });

    test('gives the initial state and NO_STREAM for a stream that does not exist', async () => {
      const result = await store.aggregateStream(scenario().stream(), options);

      expect(result).toEqual({ state: { total: 0, types: [] }, currentRevision: NO_STREAM });
    });
  });

  describe('global positions and readAll', () => {
    test('headPosition is the position of the last event appended, across streams', async () => {
      // Given appends to two streams
      const t = scenario();
      await store.appendToStream(t.stream('left'), [newEvent('A')]);
      const last = await store.appendToStream(t.stream('right'), [newEvent('B'), newEvent('C')]);

      // Then the head is the last one's position (on a shared server, nothing was appended since by others of this test)
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(store.comparePositions(head!, last.position)).toBeGreaterThanOrEqual(0);
      const after = t.mine(await store.readAll({ fromPosition: head! }));
      expect(after).toEqual([]);
    });

    test('positions increase across streams in the order of the appends', async () => {
      // Given appends to two streams, alternating
      const t = scenario();
      const [left, right] = [t.stream('left'), t.stream('right')];
      const from = await t.marker();
      const results = [
        await store.appendToStream(left, [newEvent('A')]),
        await store.appendToStream(right, [newEvent('B'), newEvent('C')]),
        await store.appendToStream(left, [newEvent('D')]),
      ];

      // Then each append's position comes after the previous one's
      for (let index = 1; index < results.length; index++) {
        expect(store.comparePositions(results[index]!.position, results[index - 1]!.position)).toBeGreaterThan(0);
        expect(store.comparePositions(results[index - 1]!.position, results[index]!.position)).toBeLessThan(0);
      }
      expect(store.comparePositions(results[0]!.position, results[0]!.position)).toBe(0);

      // And the log lists the events in that order, with those positions
      const logged = t.mine(await store.readAll({ fromPosition: from }));
      expect(logged.map((event) => event.type)).toEqual(['A', 'B', 'C', 'D']);
      expect(logged.map((event) => [event.stream, event.revision])).toEqual([
        [left, 0],
        [right, 0],
        [right, 1],
        [left, 1],
      ]);
      for (let index = 1; index < logged.length; index++) {
        expect(store.comparePositions(logged[index]!.position, logged[index - 1]!.position)).toBeGreaterThan(0);
      }
      expect(store.comparePositions(logged[3]!.position, results[2]!.position)).toBe(0);
    });

    (options.gapFreePositions ? test : it.skip)('positions are consecutive numbers, a rejected append using none', async () => {
      // Given a first append
      const t = scenario();
      const [left, right] = [t.stream('left'), t.stream('right')];
      const first = await store.appendToStream(left, [newEvent('A')]);

      // When a batch follows, then a rejected append, then another append
      const batch = await store.appendToStream(right, [newEvent('B'), newEvent('C'), newEvent('D')]);
      await expect(store.appendToStream(left, [newEvent('E'), newEvent('F')], { expectedRevision: NO_STREAM })).rejects.toThrow(
        WrongExpectedRevisionError,
      );
      const last = await store.appendToStream(left, [newEvent('G')]);

      // Then the positions run on without a hole
      const start = Number(first.position);
      expect(Number.isSafeInteger(start)).toBe(true);
      expect(Number(batch.position)).toBe(start + 3);
      expect(Number(last.position)).toBe(start + 4);
      const logged = await store.readAll({ fromPosition: first.position });
      expect(logged.map((event) => Number(event.position))).toEqual([start + 1, start + 2, start + 3, start + 4]);
    });

    test('readAll from a position returns exactly the events after it', async () => {
      // Given three events after a marker
      const t = scenario();
      const stream = t.stream();
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B'), newEvent('C')]);
      const [a, b, c] = await store.readStream(stream);

      // When the log is read from the marker and from the first event
      const afterMarker = t.mine(await store.readAll({ fromPosition: from }));
      const afterFirst = t.mine(await store.readAll({ fromPosition: a!.position }));
      const afterLast = t.mine(await store.readAll({ fromPosition: c!.position }));

      // Then the position itself is excluded
      expect(afterMarker).toEqual([a, b, c]);
      expect(afterFirst).toEqual([b, c]);
      expect(afterLast).toEqual([]);
    });

    test('readAll returns only the events of the requested types, up to a count', async () => {
      // Given events of three types in two streams
      const t = scenario();
      const [one, two] = [t.stream('one'), t.stream('two')];
      const [opened, noted, closed] = [t.type('Opened'), t.type('Noted'), t.type('Closed')];
      const from = await t.marker();
      await store.appendToStream(one, [newEvent(opened), newEvent(noted)]);
      await store.appendToStream(two, [newEvent(opened), newEvent(closed), newEvent(noted)]);
      await store.appendToStream(one, [newEvent(closed)]);

      // When the log is read for some types
      const read = async (eventTypes: string[], maxCount?: number) =>
        (await store.readAll({ fromPosition: from, eventTypes, ...(maxCount === undefined ? {} : { maxCount }) })).map(
          (event) => [event.type, event.stream],
        );

      // Then only those come, in log order
      expect(await read([opened])).toEqual([
        [opened, one],
        [opened, two],
      ]);
      expect(await read([opened, closed])).toEqual([
        [opened, one],
        [opened, two],
        [closed, two],
        [closed, one],
      ]);
      expect(await read([noted, closed], 2)).toEqual([
        [noted, one],
        [closed, two],
      ]);
      expect(await read([t.type('Unknown')])).toEqual([]);
    });
  });

  describe('subscribeToAll', () => {
    test('delivers the history after its start position, then live appends, in log order', async () => {
      // Given two events already in the log
      const t = scenario();
      const [left, right] = [t.stream('left'), t.stream('right')];
      const from = await t.marker();
      await store.appendToStream(left, [newEvent('A')]);
      await store.appendToStream(right, [newEvent('B')]);
      const history = t.mine(await store.readAll({ fromPosition: from }));

      // When a subscription starts at the marker and, once caught up, more events are appended
      const reader = subscribe({ fromPosition: from });
      const caughtUp = await reader.readUntil(includesEvent(history[1]!.id), 'the history');
      await store.appendToStream(left, [newEvent('C')]);
      const live = (await store.appendToStream(right, [newEvent('D'), newEvent('E')])).position;
      const followed = await reader.readUntil(
        (messages) => eventsOf(messages).some((event) => store.comparePositions(event.position, live) === 0),
        'the live appends',
      );

      // Then it delivers every event once, in the order of the log
      const delivered = t.mine(eventsOf([...caughtUp, ...followed]));
      expect(delivered.map((event) => event.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(delivered).toEqual(t.mine(await store.readAll({ fromPosition: from })));
      expectPositionsInOrder(store, [...caughtUp, ...followed]);
    });

    test('delivers only the events of the requested types, from history and live', async () => {
      // Given events of a wanted and an unwanted type
      const t = scenario();
      const stream = t.stream();
      const [wanted, unwanted] = [t.type('Wanted'), t.type('Unwanted')];
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent(wanted), newEvent(unwanted), newEvent(wanted)]);
      const [firstWanted, , secondWanted] = await store.readStream(stream);

      // When a filtered subscription catches up, then an unwanted and a wanted event are appended
      const reader = subscribe({ fromPosition: from, eventTypes: [wanted] });
      const caughtUp = await reader.readUntil(includesEvent(secondWanted!.id), 'the wanted history');
      await store.appendToStream(stream, [newEvent(unwanted)]);
      const lastWanted = newEvent(wanted);
      await store.appendToStream(stream, [lastWanted]);
      const followed = await reader.readUntil(includesEvent(lastWanted.id), 'the live wanted event');

      // Then only the wanted events come, each once
      const messages = [...caughtUp, ...followed];
      expect(eventsOf(messages).map((event) => event.id)).toEqual([firstWanted!.id, secondWanted!.id, lastWanted.id]);
      expectPositionsInOrder(store, messages);
    });

    test('resumed from the position of an event, delivers exactly the events after it', async () => {
      // Given three events, of which a subscriber has handled the first
      const t = scenario();
      const stream = t.stream();
      const type = t.type('Counted');
      await store.appendToStream(stream, [newEvent(type), newEvent(type), newEvent(type)]);
      const [first, second, third] = await store.readStream(stream);

      // When it resumes from that event's position, catches up, and a fourth event is appended
      const reader = subscribe({ fromPosition: first!.position, eventTypes: [type] });
      const history = await reader.readUntil(includesEvent(third!.id), 'the history after the saved position');
      const fourth = newEvent(type);
      await store.appendToStream(stream, [fourth]);
      const live = await reader.readUntil(includesEvent(fourth.id), 'the live event');

      // Then it receives the second, third and fourth, nothing before or twice
      expect(eventsOf(history).map((event) => event.id)).toEqual([second!.id, third!.id]);
      expect(eventsOf(live).map((event) => event.id)).toEqual([fourth.id]);
    });

    test('resumed from a checkpoint, misses nothing and repeats nothing', async () => {
      // Given wanted events followed by many the subscriber does not want
      const t = scenario();
      const [stream, noise] = [t.stream('wanted'), t.stream('noise')];
      const [wanted, unwanted] = [t.type('Wanted'), t.type('Unwanted')];
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent(wanted), newEvent(wanted)]);
      const [first, second] = await store.readStream(stream);
      // Enough unwanted events for a server that checkpoints every few dozen events it filtered.
      await store.appendToStream(
        noise,
        Array.from({ length: 64 }, () => newEvent(unwanted)),
      );

      // When a filtered subscriber reads until a checkpoint past its last event, and stops there
      const firstRun = subscribe({ fromPosition: from, eventTypes: [wanted] });
      const untilCheckpoint = await firstRun.readUntil(
        (messages) => checkpointAtOrAfter(store, messages, second!.position) !== undefined,
        `a checkpoint at or after ${second!.position}`,
      );
      const checkpoint = checkpointAtOrAfter(store, untilCheckpoint, second!.position)!;
      const handled = eventsOf(untilCheckpoint.slice(0, untilCheckpoint.indexOf(checkpoint)));
      await firstRun.close();
      const third = newEvent(wanted);
      await store.appendToStream(stream, [third]);

      // And resumes from that checkpoint
      const secondRun = subscribe({ fromPosition: checkpoint.position, eventTypes: [wanted] });
      const resumed = await secondRun.readUntil(includesEvent(third.id), 'the event appended after the checkpoint');

      // Then the two runs together saw each wanted event exactly once
      expect(handled.map((event) => event.id)).toEqual([first!.id, second!.id]);
      expect(eventsOf(resumed).map((event) => event.id)).toEqual([third.id]);
    });

    test('once caught up, yields a checkpoint at or after the head it started under, though the log ends with events it does not receive', async () => {
      // Given a wanted event followed by others
      const t = scenario();
      const [stream, noise] = [t.stream('wanted'), t.stream('noise')];
      const [wanted, unwanted] = [t.type('Wanted'), t.type('Unwanted')];
      const from = await t.marker();
      await store.appendToStream(stream, [newEvent(wanted)]);
      await store.appendToStream(noise, Array.from({ length: 5 }, () => newEvent(unwanted)));
      const head = (await store.headPosition())!;

      // When a subscription of the wanted type starts, and one starts at the head itself
      const reader = subscribe({ fromPosition: from, eventTypes: [wanted] });
      const atHead = subscribe({ fromPosition: head, eventTypes: [wanted] });

      // Then both say they have read the log up to the head
      for (const [subscription, name] of [
        [reader, 'the subscription from the marker'],
        [atHead, 'the subscription from the head'],
      ] as const) {
        const messages = await subscription.readUntil(
          (received) => checkpointAtOrAfter(store, received, head) !== undefined,
          `a checkpoint at or after the head ${head} from ${name}`,
        );
        expectPositionsInOrder(store, messages);
      }
    });

    test('close() ends an iteration that waits for live events', async () => {
      // Given a subscription that has caught up and waits
      const t = scenario();
      const stream = t.stream();
      const type = t.type('Seen');
      const from = await t.marker();
      const seen = newEvent(type);
      await store.appendToStream(stream, [seen]);
      const reader = subscribe({ fromPosition: from, eventTypes: [type] });
      await reader.readUntil(includesEvent(seen.id), 'the history');
      const rest = reader.readToEnd();

      // When it is closed
      await reader.close();

      // Then the iteration ends, with no further event
      expect(eventsOf(await rest)).toEqual([]);
    });

    test('closing the store ends the iteration of its open subscriptions', async () => {
      // Given a subscription that has caught up and waits
      const t = scenario();
      const type = t.type('Seen');
      const from = await t.marker();
      const seen = newEvent(type);
      await store.appendToStream(t.stream(), [seen]);
      const reader = subscribe({ fromPosition: from, eventTypes: [type] });
      await reader.readUntil(includesEvent(seen.id), 'the history');
      const rest = reader.readToEnd();

      // When the store is closed
      await store.close();

      // Then the iteration ends
      expect(eventsOf(await rest)).toEqual([]);
    });
  });
}

function newEvent(type: string, data: JsonObject = {}, metadata: JsonObject = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

function asNewEvent(event: RecordedEvent): NewEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to be rejected, but it was fulfilled');
}

function expectSameResult(store: EventStore, actual: AppendResult, expected: AppendResult): void {
  expect(actual.nextExpectedRevision).toBe(expected.nextExpectedRevision);
  expect(store.comparePositions(actual.position, expected.position)).toBe(0);
}

function checkpointAtOrAfter(
  store: EventStore,
  messages: readonly SubscriptionMessage[],
  position: Position,
): Extract<SubscriptionMessage, { kind: 'checkpoint' }> | undefined {
  return messages.find(
    (message): message is Extract<SubscriptionMessage, { kind: 'checkpoint' }> =>
      message.kind === 'checkpoint' && store.comparePositions(message.position, position) >= 0,
  );
}

/** Events and checkpoints never go back in the log: a checkpoint saved after an event is past it. */
function expectPositionsInOrder(store: EventStore, messages: readonly SubscriptionMessage[]): void {
  const positions = messages.map((message) => (message.kind === 'event' ? message.event.position : message.position));
  for (let index = 1; index < positions.length; index++) {
    expect(store.comparePositions(positions[index]!, positions[index - 1]!)).toBeGreaterThanOrEqual(0);
  }
}
