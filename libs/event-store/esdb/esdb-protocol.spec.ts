import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  StreamDeletedError,
  StreamTruncatedError,
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../errors.js';
import type { NewEvent } from '../index.js';
import { EsdbEventStore, IDENTITY_STREAM } from './esdb-event-store.js';
import {
  AppendCall,
  FakeEventStoreDB,
  ReadCall,
  appendErrors,
  caughtUpMessage,
  checkpointMessage,
  confirmationMessage,
  eventMessage,
  labelsOf,
  take,
} from './esdb.fixtures.js';

// The store against what EventStoreDB sends: the store's own client builds the requests and reads
// the answers, which are the messages the server (24.10) sends, with only the network replaced.
// What the server does itself (storing, its idempotency by id) is the contract suite's business.

const NOT_LEADER = { exception: 'not-leader', 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' };

function newEvent(type = 'DealOpened', id: string = randomUUID()): NewEvent {
  return { id, type, data: { at: type }, metadata: {} };
}

describe('EsdbEventStore against the server\'s messages', () => {
  let store: EsdbEventStore;

  beforeEach(() => {
    store = new EsdbEventStore('esdb://localhost:2113?tls=false', { deadlineMs: 5_000 });
  });

  afterEach(async () => {
    await store.close();
  });

  function serve(onRead: (call: ReadCall) => void, onAppend?: (call: AppendCall) => void): FakeEventStoreDB {
    const server = new FakeEventStoreDB(onRead, onAppend);
    server.attach(store);
    return server;
  }

  describe('catch-up subscriptions (finding 1)', () => {
    it('yield a checkpoint at the head read before subscribing once the server says they caught up', async () => {
      // Given a log whose head (900) is an event the subscription does not want
      const server = serve((call) => {
        if (!call.subscription) return call.answer(eventMessage({ type: 'Unwanted', position: 900 }));
        // The server (24.10) sends the wanted event, a checkpoint at the last event it sent, then caughtUp.
        call.answer(confirmationMessage(), eventMessage({ type: 'Wanted', position: 100 }), checkpointMessage(100), caughtUpMessage());
      });

      // When a filtered subscription catches up
      const subscription = store.subscribeToAll({ eventTypes: ['Wanted'] });

      // Then its consumer learns it has read the log up to the head
      expect(labelsOf(await take(subscription, 2))).toEqual(['event Wanted', 'checkpoint 900:900']);
      // And the head was read before subscribing, both on the leader
      expect(server.reads.map((call) => [call.stream, call.backwards, call.subscription, call.requiresLeader])).toEqual([
        ['$all', true, false, true],
        ['$all', false, true, true],
      ]);
      await subscription.close();
    });

    it('say they are caught up at their start when nothing came after it', async () => {
      serve((call) => {
        if (!call.subscription) return call.answer(eventMessage({ type: 'Last', position: 500 }));
        call.answer(confirmationMessage(), caughtUpMessage());
      });

      const subscription = store.subscribeToAll({ fromPosition: '500:500' as never, eventTypes: ['Wanted'] });

      expect(labelsOf(await take(subscription, 1))).toEqual(['checkpoint 500:500']);
      await subscription.close();
    });

    it('fail, as the server being unavailable, when the server ends them', async () => {
      serve((call) => {
        if (!call.subscription) return call.answer(eventMessage({ type: 'Last', position: 500 }));
        call.answer(confirmationMessage());
        call.wire.end();
      });

      const error = await take(store.subscribeToAll({ eventTypes: ['Wanted'] }), 1).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain('the server ended the subscription');
    });
  });

  describe('reads on the leader (finding 2)', () => {
    it('ask for the leader on every read', async () => {
      const server = serve((call) => call.answer(eventMessage({ type: 'DealOpened', stream: 'deal-1', position: 10 })));

      await store.readStream('deal-1');
      await store.readAll({ maxCount: 1 });
      await store.headPosition();

      expect(server.reads.map((call) => call.requiresLeader)).toEqual([true, true, true]);
    });

    it('try a read once more when a follower answered it, as the client then reconnects to the leader', async () => {
      // Given a follower answering the first read, the leader the second
      const server = serve((call) =>
        server.reads.length === 1 ? call.fail(5, 'Leader info available', NOT_LEADER) : call.answer(eventMessage({ type: 'DealOpened', stream: 'deal-1', position: 10 })),
      );

      // When the stream is read
      const events = await store.readStream('deal-1');

      // Then the leader's answer is the result
      expect(events.map((event) => event.type)).toEqual(['DealOpened']);
      expect(server.reads).toHaveLength(2);
    });

    it('give up after the second NotLeader, naming the leader', async () => {
      serve((call) => call.fail(5, 'Leader info available', NOT_LEADER));

      const error = await store.readStream('deal-1').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain('node-2:2113');
    });
  });

  describe('truncated and deleted streams (finding 6)', () => {
    it('a read from revision 0 that starts later ($tb, $maxCount, $maxAge) is StreamTruncatedError', async () => {
      serve((call) => call.answer(eventMessage({ type: 'Won', stream: 'deal-1', revision: 2, position: 30 }), eventMessage({ type: 'Lost', stream: 'deal-1', revision: 3, position: 40 })));

      const error = await store.aggregateStream('deal-1', { initialState: () => 0, evolve: (count) => count + 1 }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(StreamTruncatedError);
      expect(error).toMatchObject({ stream: 'deal-1', fromRevision: 0, firstRevision: 2 });
    });

    it('a stream that exists but holds nothing from revision 0 is StreamTruncatedError, naming its $tb', async () => {
      serve((call) =>
        call.stream === '$$deal-1' ? call.answer(eventMessage({ type: '$metadata', stream: '$$deal-1', position: 50, data: { $tb: 7 } })) : call.answer(),
      );

      await expect(store.readStream('deal-1')).rejects.toMatchObject({ name: 'StreamTruncatedError', fromRevision: 0, firstRevision: 7 });
    });

    it('a stream the server does not find, whose metadata marks it soft-deleted, is StreamDeletedError', async () => {
      const server = serve((call) =>
        call.stream === '$$deal-1'
          ? call.answer(eventMessage({ type: '$metadata', stream: '$$deal-1', position: 50, data: { $tb: 2 ** 63 } })) // Int64.MaxValue, as a double
          : call.notFound(),
      );

      const error = await store.readStream('deal-1').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(StreamDeletedError);
      expect((error as Error).message).toContain('soft-deleted');
      expect(server.reads.map((call) => [call.stream, call.backwards])).toEqual([
        ['deal-1', false],
        ['$$deal-1', true],
      ]);
    });

    it('a stream that was never written reads as empty', async () => {
      serve((call) => call.notFound());

      expect(await store.readStream('deal-1')).toEqual([]);
    });

    it('a tombstoned stream is StreamDeletedError, on reads and appends', async () => {
      serve(
        (call) => call.fail(9, "Event stream 'deal-1' is deleted.", { exception: 'stream-deleted', 'stream-name': 'deal-1' }),
        (call) => call.refuse(appendErrors.streamDeleted('deal-1')),
      );

      await expect(store.readStream('deal-1')).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.appendToStream('deal-1', [newEvent()])).rejects.toMatchObject({ name: 'StreamDeletedError', stream: 'deal-1' });
    });
  });

  describe('foreign events on a shared server (finding 7)', () => {
    const log = () => [
      eventMessage({ type: 'DealOpened', position: 10 }),
      eventMessage({ type: 'Telemetry', stream: 'other-app', position: 20, contentType: 'application/octet-stream' }),
      eventMessage({ type: '$statsCollected', stream: '$stats-127.0.0.1:2113', position: 30 }),
      eventMessage({ type: 'DealWon', position: 40 }),
    ];

    it('readAll checks the type before decoding: a binary event of another type is skipped', async () => {
      serve((call) => call.answer(...log()));

      expect((await store.readAll({ eventTypes: ['DealOpened', 'DealWon'] })).map((event) => event.type)).toEqual(['DealOpened', 'DealWon']);
      expect((await store.readAll()).map((event) => event.type)).toEqual(['DealOpened', 'DealWon']);
    });

    it('readAll of a type whose events cannot be read fails, naming the event', async () => {
      serve((call) => call.answer(...log()));

      await expect(store.readAll({ eventTypes: ['Telemetry'] })).rejects.toBeInstanceOf(UnreadableEventError);
    });
  });

  describe('appends (findings 8 and 9)', () => {
    it('send the events with their ids in lower case and read nothing first', async () => {
      const id = randomUUID().toUpperCase();
      const server = serve(
        () => undefined,
        (call) => call.succeed(0n, 120),
      );

      const result = await store.appendToStream('deal-1', [newEvent('DealOpened', id)], { expectedRevision: 'no_stream' });

      expect(result).toEqual({ nextExpectedRevision: 0, position: '120:120', positions: ['120:120'] });
      expect(server.appends.map((call) => [call.stream, call.expected, call.ids])).toEqual([['deal-1', 'no_stream', [id.toLowerCase()]]]);
      expect(server.reads).toEqual([]);
    });

    it('give the position of the last event only, for an append of several', async () => {
      serve(
        () => undefined,
        (call) => call.succeed(5n, 300),
      );

      expect(await store.appendToStream('deal-1', [newEvent('A'), newEvent('B')], { expectedRevision: 3 })).toEqual({
        nextExpectedRevision: 5,
        position: '300:300',
      });
    });

    it('refuse an id that is not a UUID before anything is sent', async () => {
      const server = serve(() => undefined);

      await expect(store.appendToStream('deal-1', [newEvent('A', 'event-1')])).rejects.toThrow(TypeError);
      expect(server.appends).toEqual([]);
    });

    it('send an append whose outcome is unknown (the server\'s commit timeout) once more, with the same ids and expected revision', async () => {
      // Given a server that times out the commit of the first attempt, and recognises the second
      const server = serve(
        () => undefined,
        (call) => (server.appends.length === 1 ? call.refuse(appendErrors.timeout()) : call.succeed(4n, 400)),
      );
      const events = [newEvent('A'), newEvent('B')];

      // When the append is made
      const result = await store.appendToStream('deal-1', events, { expectedRevision: 2 });

      // Then the second answer is the result, for the very same request
      expect(result).toMatchObject({ nextExpectedRevision: 4, position: '400:400' });
      expect(server.appends).toHaveLength(2);
      expect(server.appends[1]).toMatchObject({ stream: 'deal-1', expected: 2n, ids: events.map((event) => event.id) });
      expect(server.appends[0]!.ids).toEqual(server.appends[1]!.ids);
    });

    it('say that an append may have been stored when the second attempt is unknown too', async () => {
      serve(
        () => undefined,
        (call) => call.refuse(appendErrors.timeout()),
      );

      const error = await store.appendToStream('deal-1', [newEvent()], { expectedRevision: 0 }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ appendOutcomeUnknown: true });
      expect((error as Error).message).toContain('may or may not have been stored');
      expect((error as Error).message).toContain('same expected revision again is safe');
    });

    it('tell a batch stored only in part from a conflict by the event after the expected revision', async () => {
      // Given the server refusing both appends with WrongExpectedVersion (it answers a partly stored batch so)
      const [stored, fresh] = [newEvent('A'), newEvent('B')];
      serve(
        (call) => (call.fromRevision === 3n ? call.answer(eventMessage({ id: stored.id, type: 'A', stream: 'deal-1', revision: 3, position: 30 })) : call.answer()),
        (call) => call.refuse(appendErrors.wrongExpectedVersion(3n, call.expected)),
      );

      // When the batch is appended after revision 2, where its first event is stored, and after revision 1, where another one is
      const partial = await store.appendToStream('deal-1', [stored, fresh], { expectedRevision: 2 }).catch((caught: unknown) => caught);
      const conflict = await store.appendToStream('deal-1', [fresh], { expectedRevision: 1 }).catch((caught: unknown) => caught);

      // Then
      expect(partial).toBeInstanceOf(DuplicateEventIdError);
      expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflict).toMatchObject({ stream: 'deal-1', expected: 1, actual: 3 });
    });

    it('take WrongExpectedVersion to an append with ANY for a batch stored only in part', async () => {
      serve(
        () => undefined,
        (call) => call.refuse(appendErrors.wrongExpectedVersion(3n, 'any')),
      );

      await expect(store.appendToStream('deal-1', [newEvent(), newEvent()])).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('read the events back when the server recognised them without saying where they are (before 24.2)', async () => {
      const events = [newEvent('A'), newEvent('B')];
      serve(
        (call) =>
          call.answer(
            eventMessage({ id: events[0]!.id, type: 'A', stream: 'deal-1', revision: 1, position: 10 }),
            eventMessage({ id: events[1]!.id, type: 'B', stream: 'deal-1', revision: 2, position: 20 }),
          ),
        (call) => call.succeed(2n),
      );

      expect(await store.appendToStream('deal-1', events, { expectedRevision: 0 })).toEqual({
        nextExpectedRevision: 2,
        position: '20:20',
        positions: ['10:10', '20:20'],
      });
    });

    it('map the server\'s 1 MiB limit to AppendTooLargeError', async () => {
      serve(
        () => undefined,
        (call) => call.refuse(appendErrors.maximumAppendSizeExceeded(1_048_576)),
      );

      const error = await store.appendToStream('deal-1', [newEvent()]).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ stream: 'deal-1', limitBytes: 1_048_576 });
    });
  });

  describe('identity (finding 5)', () => {
    it('is the id of the first event of the identity stream', async () => {
      const id = randomUUID();
      const server = serve((call) => call.answer(eventMessage({ id, type: 'EventStoreIdentified', stream: IDENTITY_STREAM, position: 5 })));

      expect(await store.identity()).toBe(id);
      expect(await store.identity()).toBe(id);
      expect(server.reads).toHaveLength(1);
    });

    it('is written once, expecting no stream, when the server has none; a concurrent writer\'s wins', async () => {
      // Given a server without the identity stream, where another service writes it first
      const winner = randomUUID();
      let written = false;
      const server = serve(
        (call) => {
          if (call.stream === IDENTITY_STREAM && written) return call.answer(eventMessage({ id: winner, type: 'EventStoreIdentified', stream: IDENTITY_STREAM, position: 5 }));
          call.notFound();
        },
        (call) => {
          written = true;
          call.refuse(appendErrors.wrongExpectedVersion(0n, 'no_stream'));
        },
      );

      // Then this store tried to write its own, and takes the one that was written
      expect(await store.identity()).toBe(winner);
      expect(server.appends.map((call) => [call.stream, call.expected, call.types])).toEqual([[IDENTITY_STREAM, 'no_stream', ['EventStoreIdentified']]]);
    });
  });
});
