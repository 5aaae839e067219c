import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  StreamDeletedError,
  StreamTruncatedError,
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../errors.js';
import type { NewEvent, Position } from '../event.js';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-revision.js';
import {
  APPEND_OUTCOME_UNKNOWN,
  NON_SYSTEM_EVENT_TYPES,
  OperationTimedOut,
  comparePositions,
  decodePosition,
  describeEndpoint,
  encodePosition,
  eventTypesRegex,
  fromAllEvent,
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  fromClientRevision,
  fromStreamEvent,
  invalidConnectionString,
  isNotLeader,
  isOutcomeUnknown,
  isStreamNotFound,
  isWrongExpectedVersion,
  subscriptionFilter,
  toClientExpectedRevision,
  toClientRevision,
  toEventData,
  toEventStoreError,
  toWrongExpectedRevisionError,
  truncationOf,
} from './esdb-mapping.js';

const context = { endpoint: 'esdb://localhost:2113', operation: 'appendToStream("deal-1")' };

/** A gRPC call error as @grpc/grpc-js reports it; the client's errors read its metadata map. */
function serviceError(code: number, message: string, metadata: Record<string, string> = {}): never {
  return Object.assign(new Error(message), { code, details: message, metadata: { getMap: () => metadata } }) as never;
}

function resolved(overrides: Record<string, unknown> = {}): ResolvedEvent {
  return {
    event: {
      streamId: 'deal-1',
      id: randomUUID(),
      isJson: true,
      revision: 3n,
      type: 'DealOpened',
      created: new Date(0),
      data: { amount: 100, currency: 'USD' },
      metadata: { actor: 'u-1' },
      position: { commit: 1200n, prepare: 1100n },
      ...overrides,
    },
  } as ResolvedEvent;
}

describe('expected revisions', () => {
  it.each([
    [ANY, 'any'],
    [NO_STREAM, 'no_stream'],
    [STREAM_EXISTS, 'stream_exists'],
    [0, 0n],
    [41, 41n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
  ] as const)('sends %p as the client expected revision %p', (ours, theirs) => {
    expect(toClientExpectedRevision(ours)).toBe(theirs);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p as an expected revision', (revision) => {
    expect(() => toClientExpectedRevision(revision)).toThrow(RangeError);
  });

  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    [7n, 7],
    [0n, 0],
    [-1n, NO_STREAM],
    [-2n, ANY],
    [-4n, STREAM_EXISTS],
    ['12', 12],
  ] as const)('reads the client expected revision %p as %p', (theirs, ours) => {
    expect(fromClientExpectedRevision(theirs)).toBe(ours);
  });

  it.each([-3n, 2n ** 60n, 'later', undefined, null, 1.5])('does not read %p as an expected revision', (value) => {
    expect(fromClientExpectedRevision(value)).toBeUndefined();
  });

  it.each([
    ['no_stream', NO_STREAM],
    [0n, 0],
    [9n, 9],
    [-1n, NO_STREAM],
    [BigInt(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ] as const)('reads the client current revision %p as %p', (theirs, ours) => {
    expect(fromClientCurrentRevision(theirs)).toBe(ours);
  });

  it.each(['any', 'stream_exists', -2n, BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'x1'])(
    'does not read %p as a current revision',
    (value) => {
      expect(fromClientCurrentRevision(value)).toBeUndefined();
    },
  );

  it('converts revisions both ways and refuses what a number cannot hold', () => {
    expect(toClientRevision(5)).toBe(5n);
    expect(fromClientRevision(5n)).toBe(5);
    expect(() => fromClientRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(/not a safe integer/);
    expect(() => fromClientRevision(-1n)).toThrow(RangeError);
    expect(() => toClientRevision(-1)).toThrow(RangeError);
  });
});

describe('WrongExpectedVersionError', () => {
  it('becomes ours when the stream does not exist: actual "no_stream" is never given to BigInt', () => {
    // Given the error as the client builds it from a batch append's answer
    const error = new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 4n, current: 'no_stream' });

    // When
    const ours = toWrongExpectedRevisionError(error, { stream: 'deal-1', expected: 4, actual: 0 });

    // Then
    expect(ours).toBeInstanceOf(WrongExpectedRevisionError);
    expect(ours).toMatchObject({ stream: 'deal-1', expected: 4, actual: NO_STREAM });
    expect(ours.message).toContain('deal-1');
  });

  it('becomes ours with a bigint current revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'deal-2', expected: 'no_stream', current: 6n });

    expect(toWrongExpectedRevisionError(error, { stream: 'deal-2', expected: NO_STREAM, actual: NO_STREAM })).toMatchObject({
      stream: 'deal-2',
      expected: NO_STREAM,
      actual: 6,
    });
  });

  it.each([
    ['any', ANY],
    ['stream_exists', STREAM_EXISTS],
  ] as const)('keeps the expected form %p', (theirs, ours) => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', expected: theirs, current: 2n });

    expect(toWrongExpectedRevisionError(error, { stream: 's', expected: 0, actual: NO_STREAM })).toMatchObject({
      expected: ours,
      actual: 2,
    });
  });

  it('reads the error the client builds from call metadata, where no actual version means no stream', () => {
    // Given the metadata path: expected in the legacy encoding, no actual-version entry
    const error = new WrongExpectedVersionError(
      serviceError(9, 'wrong expected version', { 'stream-name': 'goal-1', 'expected-version': '-4' }),
    );

    // Then
    expect(error.actualVersion).toBe('no_stream');
    expect(toWrongExpectedRevisionError(error, { stream: 'goal-1', expected: 0, actual: 3 })).toMatchObject({
      stream: 'goal-1',
      expected: STREAM_EXISTS,
      actual: NO_STREAM,
    });
  });

  it('falls back to what the adapter knows when the error says something unreadable', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: '',
      expected: 'sometime' as never,
      current: 'unknown' as never,
    });

    expect(toWrongExpectedRevisionError(error, { stream: 'deal-9', expected: 2, actual: 5 })).toMatchObject({
      stream: 'deal-9',
      expected: 2,
      actual: 5,
    });
  });

  it('is recognised, and mapped by the general error mapping too', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 1n, current: 3n });

    expect(isWrongExpectedVersion(error)).toBe(true);
    expect(isWrongExpectedVersion(new UnavailableError())).toBe(false);
    expect(toEventStoreError(error, context)).toMatchObject({ stream: 'deal-1', expected: 1, actual: 3 });
  });
});

describe('positions', () => {
  it('encodes commit and prepare in decimal and decodes them back', () => {
    const position = { commit: 1200n, prepare: 1100n };

    const encoded = encodePosition(position);

    expect(encoded).toBe('1200:1100');
    expect(decodePosition(encoded)).toEqual(position);
  });

  it('holds the whole unsigned 64-bit range', () => {
    const max = 2n ** 64n - 1n;
    expect(decodePosition(encodePosition({ commit: max, prepare: 0n }))).toEqual({ commit: max, prepare: 0n });
  });

  it.each(['', '12', '12:', ':12', '01:2', '1:02', '1:2:3', ' 1:2', '1:2 ', '-1:2', '1.0:2', '1:2n', 'abc', '18446744073709551616:0'])(
    'refuses %p with a message that names it and the expected form',
    (malformed) => {
      expect(() => decodePosition(malformed as Position)).toThrow(`Not a position of the EventStoreDB store: "${malformed}"`);
      expect(() => decodePosition(malformed as Position)).toThrow('<commit>:<prepare>');
    },
  );

  it('refuses to encode a negative or oversized position', () => {
    expect(() => encodePosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodePosition({ commit: 0n, prepare: 2n ** 64n })).toThrow(RangeError);
  });

  it('orders by commit position, then prepare position, as numbers not strings', () => {
    const at = (value: string) => value as Position;
    expect(comparePositions(at('9:9'), at('10:0'))).toBeLessThan(0);
    expect(comparePositions(at('10:0'), at('9:9'))).toBeGreaterThan(0);
    expect(comparePositions(at('10:3'), at('10:4'))).toBeLessThan(0);
    expect(comparePositions(at('10:4'), at('10:3'))).toBeGreaterThan(0);
    expect(comparePositions(at('10:4'), at('10:4'))).toBe(0);
  });

  it('refuses to compare a position of another store', () => {
    expect(() => comparePositions('42' as Position, '1:1' as Position)).toThrow('"42"');
  });
});

describe('events', () => {
  it('sends ours as a JSON event with the same id, type, data and metadata', () => {
    const event: NewEvent = { id: randomUUID(), type: 'DealOpened', data: { amount: 5, tags: ['a'] }, metadata: { actor: 'u-1' } };

    expect(toEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'DealOpened',
      data: { amount: 5, tags: ['a'] },
      metadata: { actor: 'u-1' },
    });
  });

  it('copies the correlation and causation ids to the metadata keys EventStoreDB\'s tooling reads', () => {
    const [correlationId, causationId] = [randomUUID(), randomUUID()];
    const event: NewEvent = { id: randomUUID(), type: 'DealOpened', data: {}, metadata: { actor: 'u-1', correlationId, causationId } };

    expect(toEventData(event).metadata).toEqual({
      actor: 'u-1',
      correlationId,
      causationId,
      $correlationId: correlationId,
      $causationId: causationId,
    });
    expect(toEventData({ ...event, metadata: { correlationId: 7 } }).metadata).toEqual({ correlationId: 7 });
  });

  it('reads metadata back without the server\'s $ keys', () => {
    const metadata = { actor: 'u-1', correlationId: 'c-1', $correlationId: 'c-1', $causationId: 'x' };

    expect(fromStreamEvent(resolved({ metadata })).metadata).toEqual({ actor: 'u-1', correlationId: 'c-1' });
  });

  it('reads a stream event with its stream, revision and position', () => {
    const read = resolved();

    expect(fromStreamEvent(read)).toEqual({
      id: read.event!.id,
      type: 'DealOpened',
      data: { amount: 100, currency: 'USD' },
      metadata: { actor: 'u-1' },
      stream: 'deal-1',
      revision: 3,
      position: '1200:1100',
    });
  });

  it('reads an event written without metadata as empty metadata', () => {
    expect(fromStreamEvent(resolved({ metadata: undefined })).metadata).toEqual({});
  });

  it.each([
    ['not JSON', { isJson: false, data: new Uint8Array([1]) }, 'is not JSON'],
    ['data that is an array', { data: [1, 2] }, 'data that is not a JSON object'],
    ['data that did not parse', { data: '{"broken' }, 'data that is not a JSON object'],
    ['binary metadata', { metadata: new Uint8Array([1]) }, 'metadata that is not a JSON object'],
    ['no log position', { position: undefined }, '22.6 or later'],
    ['a revision beyond a safe integer', { revision: 2n ** 60n }, 'not a safe integer'],
  ])('refuses an event with %s, naming it', (_case, overrides, message) => {
    const read = resolved(overrides);
    expect(() => fromStreamEvent(read)).toThrow(message);
    if (message !== 'not a safe integer') expect(() => fromStreamEvent(read)).toThrow(read.event!.id);
  });

  it('keeps our events read from $all', () => {
    expect(fromAllEvent(resolved() as AllStreamResolvedEvent)).toMatchObject({ type: 'DealOpened', position: '1200:1100' });
  });

  it.each([
    ['a system event type', resolved({ type: '$statsCollected' })],
    ['a link event', resolved({ type: '$>', isJson: false, data: new Uint8Array() })],
    ['an event in a system stream', resolved({ streamId: '$settings', type: 'Settings' })],
    ['a metadata event', resolved({ streamId: '$$deal-1', type: '$metadata' })],
    ['a resolved link', { ...resolved(), link: resolved({ type: '$>' }).event } as ResolvedEvent],
    ['a record without an event', {} as ResolvedEvent],
  ])('skips %s read from $all', (_case, read) => {
    expect(fromAllEvent(read)).toBeUndefined();
  });

  it('checks the type of an event from $all before decoding it: another type is skipped, readable or not', () => {
    const types = new Set(['DealOpened']);

    expect(fromAllEvent(resolved({ type: 'Telemetry', isJson: false, data: new Uint8Array([1]) }), types)).toBeUndefined();
    expect(fromAllEvent(resolved({ type: 'DealWon' }), types)).toBeUndefined();
    expect(fromAllEvent(resolved(), types)).toMatchObject({ type: 'DealOpened' });
  });

  it('skips an event from $all that no port could have written when every type is wanted', () => {
    expect(fromAllEvent(resolved({ type: 'Telemetry', isJson: false, data: new Uint8Array([1]) }))).toBeUndefined();
  });

  it('fails on an event of a wanted type that it cannot read, naming it', () => {
    const read = resolved({ isJson: false, data: new Uint8Array([1]) });

    expect(() => fromAllEvent(read, new Set(['DealOpened']))).toThrow(UnreadableEventError);
    expect(() => fromAllEvent(read, new Set(['DealOpened']))).toThrow(read.event!.id);
  });
});

describe('stream metadata', () => {
  it('reads a truncation before a revision ($tb, as $maxCount and $maxAge apply on read)', () => {
    expect(truncationOf({ $tb: 7 })).toEqual({ softDeleted: false, before: 7 });
  });

  it('reads a soft delete: $tb at Int64.MaxValue, which arrives as a double', () => {
    // The server writes 9223372036854775807; JSON.parse rounds it to 2^63.
    expect(truncationOf(JSON.parse('{"$tb": 9223372036854775807}'))).toEqual({ softDeleted: true });
    expect(truncationOf({ $tb: 2 ** 62 })).toEqual({ softDeleted: false, before: 2 ** 62 });
  });

  it.each([
    ['no metadata', undefined],
    ['metadata without $tb', { $maxCount: 10 }],
    ['a $tb of 0', { $tb: 0 }],
    ['a $tb that is not a number', { $tb: '7' }],
    ['binary metadata', new Uint8Array([1])],
  ])('sees no truncation in %s', (_case, metadata) => {
    expect(truncationOf(metadata)).toBeUndefined();
  });
});

describe('event type filter', () => {
  const matches = (types: readonly string[], candidate: string) => new RegExp(eventTypesRegex(types)).test(candidate);

  it('matches exactly the given types, not those they are prefixes of or that are prefixes of them', () => {
    const types = ['DealOpened', 'DealOpenedLate'];

    expect(matches(types, 'DealOpened')).toBe(true);
    expect(matches(types, 'DealOpenedLate')).toBe(true);
    expect(matches(types, 'DealOpen')).toBe(false);
    expect(matches(types, 'DealOpenedLater')).toBe(false);
    expect(matches(types, 'XDealOpened')).toBe(false);
    expect(matches(types, 'DealOpened\n')).toBe(false);
  });

  it.each(['deal.opened', 'a+b', '(x)', 'a|b', '$weird', 'with space', 'back\\slash', '[set]', '^x$', 'q?', 'star*', '{1}', '#tag', 'dash-ed'])(
    'escapes %p so that it matches only itself',
    (type) => {
      expect(matches([type], type)).toBe(true);
      expect(matches([type], `${type}x`)).toBe(false);
      expect(matches([type], `x${type}`)).toBe(false);
    },
  );

  it('does not let special characters widen the match', () => {
    expect(matches(['deal.opened'], 'dealXopened')).toBe(false);
    expect(matches(['a|b'], 'a')).toBe(false);
    expect(matches(['a|b'], 'b')).toBe(false);
    expect(matches(['a+b'], 'aab')).toBe(false);
    expect(matches(['a+b'], 'ab')).toBe(false);
    expect(matches(['[set]'], 's')).toBe(false);
  });

  it('writes special characters as \\uXXXX, which the server (.NET) reads the same way', () => {
    expect(eventTypesRegex(['deal.opened'])).toBe('^(?:deal\\u002eopened)(?![\\s\\S])');
  });

  it('ignores order and repetition', () => {
    expect(eventTypesRegex(['b', 'a', 'a'])).toBe(eventTypesRegex(['a', 'b']));
  });

  it('matches nothing for no types', () => {
    expect(matches([], '')).toBe(false);
    expect(matches([], 'DealOpened')).toBe(false);
  });

  it('filters every non-system event type when no type is given', () => {
    const filter = subscriptionFilter(undefined, () => undefined);

    expect(filter).toMatchObject({ filterOn: 'eventType', regex: NON_SYSTEM_EVENT_TYPES });
    expect(new RegExp(NON_SYSTEM_EVENT_TYPES).test('DealOpened')).toBe(true);
    expect(new RegExp(NON_SYSTEM_EVENT_TYPES).test('$>')).toBe(false);
  });

  it('filters the given event types and hands checkpoints over', async () => {
    const seen: unknown[] = [];
    const filter = subscriptionFilter(['GoalSet'], (position) => {
      seen.push(position);
    });

    await filter.checkpointReached?.({} as never, { commit: 5n, prepare: 4n });

    expect(filter).toMatchObject({ filterOn: 'eventType', regex: eventTypesRegex(['GoalSet']) });
    expect(seen).toEqual([{ commit: 5n, prepare: 4n }]);
  });
});

describe('connection strings', () => {
  it.each([
    ['esdb://admin:changeit@localhost:2113?tls=false', 'esdb://localhost:2113'],
    ['esdb+discover://cluster.example.com:2113', 'esdb+discover://cluster.example.com:2113'],
    ['esdb://a:2113,b:2113,c:2113/?nodePreference=leader', 'esdb://a:2113,b:2113,c:2113'],
    ['localhost:2113', 'an EventStoreDB server (unreadable connection string)'],
  ])('describes %p as %p, without credentials or options', (connectionString, described) => {
    expect(describeEndpoint(connectionString)).toBe(described);
  });

  it('explains a connection string the client cannot parse, without its password', () => {
    const connectionString = 'esdb://admin:s3cret@localhost:notaport';
    let parseError: unknown;
    try {
      EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      parseError = error;
    }

    const error = invalidConnectionString(connectionString, parseError);

    expect(parseError).toBeInstanceOf(Error);
    expect(error.message).toContain('Invalid EventStoreDB connection string for esdb://localhost:notaport');
    expect(error.message).not.toContain('s3cret');
  });
});

describe('errors', () => {
  it.each([
    ['the client could not connect', new UnavailableError(serviceError(14, '14 UNAVAILABLE: No connection established'))],
    ['the call passed its deadline', new DeadlineExceededError(serviceError(4, '4 DEADLINE_EXCEEDED: Deadline exceeded'))],
    ['a raw gRPC error (as the server features call throws it)', serviceError(14, '14 UNAVAILABLE: connect ECONNREFUSED')],
    ['cluster discovery failed', new Error('Failed to discover after 10 attempts.')],
  ])('says the server is unavailable when %s, naming the server and the operation', (_case, error) => {
    const mapped = toEventStoreError(error, context);

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped.message).toContain('EventStoreDB at esdb://localhost:2113');
    expect(mapped.message).toContain('appendToStream("deal-1")');
    expect(mapped.cause).toBe(error);
  });

  it('hints at the endpoint when the server does not speak EventStoreDB gRPC', () => {
    const mapped = toEventStoreError(serviceError(12, '12 UNIMPLEMENTED: Received HTTP status code 404'), context);

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped.message).toContain('UNIMPLEMENTED');
    expect(mapped.message).toContain('tls setting');
  });

  it('says what did not answer in time and what that means for the caller', () => {
    const mapped = toEventStoreError(new OperationTimedOut(250, 'retrying is safe'), context);

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped.message).toBe(
      'EventStoreDB at esdb://localhost:2113 did not answer appendToStream("deal-1") within 250 ms; retrying is safe',
    );
  });

  it('explains an access refusal', () => {
    const mapped = toEventStoreError(new AccessDeniedError(serviceError(7, 'Access denied')), context);

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped.message).toContain('access denied');
  });

  it('names the leader when the node is a follower', () => {
    const error = new NotLeaderError(
      serviceError(5, 'not leader', { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }),
    );

    expect(toEventStoreError(error, context).message).toContain('node-2:2113');
  });

  it('maps the server\'s append size limit to AppendTooLargeError, with the limit it reports', () => {
    const mapped = toEventStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), { ...context, stream: 'deal-1' });

    expect(mapped).toBeInstanceOf(AppendTooLargeError);
    expect(mapped).toMatchObject({ stream: 'deal-1', limitBytes: 1024 });
  });

  it('maps a deleted (tombstoned) stream to StreamDeletedError, naming it', () => {
    const mapped = toEventStoreError(ClientStreamDeletedError.fromStreamName('deal-1'), context);

    expect(mapped).toBeInstanceOf(StreamDeletedError);
    expect(mapped).toMatchObject({ stream: 'deal-1' });
    expect(mapped.message).toContain('tombstoned');
  });

  it('keeps a refused malformed request and a missing stream plain errors: not an outage', () => {
    const invalid = toEventStoreError(new InvalidArgumentError('Invalid argument'), context);
    const missing = toEventStoreError(new StreamNotFoundError(undefined, 'deal-1'), context);

    expect(invalid).not.toBeInstanceOf(EventStoreUnavailableError);
    expect(invalid.message).toContain('refused as invalid');
    expect(missing).not.toBeInstanceOf(EventStoreUnavailableError);
    expect(missing.message).toContain('"deal-1" does not exist');
  });

  it.each([
    ['no answer within our deadline', new OperationTimedOut(250)],
    ['the server\'s commit timeout', new DeadlineExceededError()],
    ['a connection lost mid-call', new UnavailableError(serviceError(14, '14 UNAVAILABLE: Connection dropped'))],
    ['a cancelled call', new CancelledError(serviceError(1, '1 CANCELLED'))],
    ['the server\'s "unknown"', new UnknownError()],
    ['a raw gRPC ABORTED', serviceError(10, '10 ABORTED')],
  ])('says an append may have been stored after %s, and that the same append is safe to send again', (_case, error) => {
    expect(isOutcomeUnknown(error)).toBe(true);

    const mapped = toEventStoreError(error, { ...context, append: true });

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped).toMatchObject({ appendOutcomeUnknown: true });
    expect(mapped.message).toContain(APPEND_OUTCOME_UNKNOWN);
  });

  it.each([
    ['access denied', new AccessDeniedError(serviceError(7, 'Access denied'))],
    ['a conflict', new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 1n, current: 2n })],
    ['a raw gRPC PERMISSION_DENIED', serviceError(7, '7 PERMISSION_DENIED')],
    ['a programming error', new TypeError('x is not a function')],
  ])('does not take %s for an append of unknown outcome', (_case, error) => {
    expect(isOutcomeUnknown(error)).toBe(false);
    expect(toEventStoreError(error, { ...context, append: true })).not.toMatchObject({ appendOutcomeUnknown: true });
  });

  it('says nothing of an outcome for what is not an append', () => {
    const mapped = toEventStoreError(new DeadlineExceededError(), context);

    expect(mapped).toMatchObject({ appendOutcomeUnknown: false });
    expect(mapped.message).not.toContain('may or may not');
  });

  it('recognises a follower\'s NotLeader answer', () => {
    const notLeader = new NotLeaderError(serviceError(5, 'not leader', { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }));

    expect(isNotLeader(notLeader)).toBe(true);
    expect(isNotLeader(new UnavailableError())).toBe(false);
    expect(isNotLeader(new Error('not leader'))).toBe(false);
  });

  it('passes every port error through unchanged', () => {
    const errors = [
      new AppendTooLargeError('s', 10),
      new StreamDeletedError('s'),
      new StreamTruncatedError('s', 0, 2),
      new UnreadableEventError(randomUUID(), 's', 1, 'is not JSON'),
      new DuplicateEventIdError('s', randomUUID(), 'it appears twice'),
      new EventStoreUnavailableError('down'),
    ];

    for (const error of errors) expect(toEventStoreError(error, context)).toBe(error);
  });

  it('passes the port errors and programming errors through unchanged', () => {
    const ours = new WrongExpectedRevisionError('s', 1, 2);
    const bug = new TypeError('x is not a function');

    expect(toEventStoreError(ours, context)).toBe(ours);
    expect(toEventStoreError(bug, context)).toBe(bug);
  });

  it('recognises a missing stream', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'deal-1'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(new Error('deal-1 not found'))).toBe(false);
  });
});
