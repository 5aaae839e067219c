import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent, Position, RecordedEvent } from '../event.js';
import type {
  AggregateStreamOptions,
  AggregateStreamResult,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../event-store.js';
import { ANY, NO_STREAM, satisfiesExpectedRevision, type ExpectedRevision, type StreamRevision } from '../expected-revision.js';
import { aggregate, findRetry } from '../local-log.js';
import {
  OperationTimedOut,
  compareClientPositions,
  comparePositions,
  decodePosition,
  describeEndpoint,
  encodePosition,
  fromAllEvent,
  fromClientRevision,
  fromStreamEvent,
  invalidConnectionString,
  isStreamNotFound,
  isWrongExpectedVersion,
  subscriptionFilter,
  toClientExpectedRevision,
  toClientRevision,
  toEventData,
  toEventStoreError,
  toWrongExpectedRevisionError,
  type ClientPosition,
} from './esdb-mapping.js';
import { EsdbSubscription } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /**
   * How long one request may wait for the server (an append, one page of a read, the start of a
   * subscription) before it fails with EventStoreUnavailableError. Defaults to 10 seconds.
   */
  readonly deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 10_000;
const PAGE_SIZE = 500;
const APPEND_OUTCOME_UNKNOWN =
  'the append may or may not have been applied; appending the same events (same ids) again is safe';

/**
 * The event store on EventStoreDB, through @eventstore/db-client over gRPC.
 *
 * Idempotent appends: before appending, the adapter reads the stream and, when it already holds
 * every id of the batch, returns the result of the append that stored them (a partial match is a
 * DuplicateEventIdError). EventStoreDB's own check by event id does not cover every case (not with
 * ANY, nor after further appends), so this read is what keeps the port's promise. It costs one
 * read of the whole stream per append, which suits aggregate streams of modest length. It cannot
 * see ids held by other streams: EventStoreDB has no index by event id, so such an append succeeds.
 * Two concurrent appends of the same new batch with ANY may both be stored.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly endpoint: string;
  private readonly deadlineMs: number;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.endpoint = describeEndpoint(connectionString);
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    if (!Number.isSafeInteger(this.deadlineMs) || this.deadlineMs <= 0) {
      throw new RangeError(`deadlineMs must be a positive integer, got ${String(options.deadlineMs)}`);
    }
    try {
      this.client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      throw invalidConnectionString(connectionString, error);
    }
  }

  /**
   * Reads the last event of $all: proves the server answers and that the connection's user may
   * read $all, which subscriptions need. Fails with EventStoreUnavailableError within the deadline.
   */
  async verifyConnection(): Promise<void> {
    await this.run('checking the connection (reading the end of $all)', () =>
      this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })),
    );
  }

  async headPosition(): Promise<Position | null> {
    const [last] = await this.run('reading the end of $all', () =>
      this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })),
    );
    const position = last?.event?.position;
    return position === undefined ? null : encodePosition(position);
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? ANY;
    const expectedRevision = toClientExpectedRevision(expected);
    return this.run(`appendToStream("${stream}")`, async () => {
      rejectRepeatedIds(stream, events);
      const before = await this.readWholeStream(stream);
      const retry = retryOf(stream, events, before);
      if (retry) return retry;
      if (events.length === 0) return appendNothing(stream, expected, before);

      let result;
      try {
        result = await this.withDeadline(
          this.client.appendToStream(stream, events.map(toEventData), {
            expectedRevision,
            deadline: this.deadlineMs,
          }),
          APPEND_OUTCOME_UNKNOWN,
        );
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        // A concurrent append of this very batch may have won: then it is a retry, not a conflict.
        const after = await this.readWholeStream(stream);
        const retried = retryOf(stream, events, after);
        if (retried) return retried;
        throw toWrongExpectedRevisionError(error, { stream, expected, actual: lastRevision(after) });
      }
      if (result.success && result.position !== undefined) {
        return {
          nextExpectedRevision: fromClientRevision(result.nextExpectedRevision),
          position: encodePosition(result.position),
        };
      }
      // Either a rejected append reported as a result (throwOnAppendFailure=false in the connection
      // string, whose reported revision is not reliable) or a success without a position, which is
      // how the server answers an append it recognised as already applied. The stream says which.
      const after = await this.readWholeStream(stream);
      const retried = retryOf(stream, events, after);
      if (retried) return retried;
      if (!result.success) throw new WrongExpectedRevisionError(stream, expected, lastRevision(after));
      throw new Error(`EventStoreDB reported an append to "${stream}" without a log position, and the stream does not hold it`);
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    toClientRevision(fromRevision);
    const maxCount = countOf(options.maxCount);
    return this.run(`readStream("${stream}")`, () => this.readStreamFrom(stream, fromRevision, maxCount));
  }

  async aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>> {
    return aggregate(await this.readStream(stream), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.fromPosition === undefined ? undefined : decodePosition(options.fromPosition);
    const maxCount = countOf(options.maxCount);
    const types = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
    if (maxCount === 0 || types?.size === 0) return [];
    return this.run('readAll', () => this.readAllAfter(after, maxCount, types));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const after = options.fromPosition === undefined ? undefined : decodePosition(options.fromPosition);
    const context = { endpoint: this.endpoint, operation: 'subscribeToAll' };
    const subscription = new EsdbSubscription(
      (onCheckpoint) =>
        this.client.subscribeToAll({
          fromPosition: after ?? START,
          filter: subscriptionFilter(options.eventTypes, onCheckpoint),
        }),
      {
        after,
        eventTypes: options.eventTypes,
        toError: (error) => toEventStoreError(error, context),
        confirmationTimeoutMs: this.deadlineMs,
        closeTimeoutMs: this.deadlineMs,
        onClose: () => this.subscriptions.delete(subscription),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.withDeadline(this.client.dispose()).catch(() => undefined);
  }

  private async readStreamFrom(stream: string, fromRevision: number, maxCount: number | undefined): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let next = fromRevision;
    for (;;) {
      const wanted = Math.min(PAGE_SIZE, maxCount === undefined ? PAGE_SIZE : maxCount - events.length);
      if (wanted <= 0) return events;
      let page: ResolvedEvent[];
      try {
        page = await this.collect(
          this.client.readStream(stream, { fromRevision: toClientRevision(next), maxCount: wanted, direction: FORWARDS }),
        );
      } catch (error) {
        if (isStreamNotFound(error)) return events;
        throw error;
      }
      for (const resolved of page) events.push(fromStreamEvent(resolved));
      const last = events[events.length - 1];
      if (page.length < wanted || last === undefined) return events;
      next = last.revision + 1;
    }
  }

  private readWholeStream(stream: string): Promise<RecordedEvent[]> {
    return this.readStreamFrom(stream, 0, undefined);
  }

  private async readAllAfter(
    after: ClientPosition | undefined,
    maxCount: number | undefined,
    types: ReadonlySet<string> | undefined,
  ): Promise<RecordedEvent[]> {
    // Client 6.2 filters $all on the server only for subscriptions, so reads filter here. Whether
    // the server's read from a position includes the event at it or not, anything not after the
    // cursor is dropped, which keeps fromPosition exclusive.
    const events: RecordedEvent[] = [];
    let cursor = after;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await this.collect(
        this.client.readAll({ fromPosition: cursor ?? START, maxCount: PAGE_SIZE, direction: FORWARDS }),
      );
      let advanced = false;
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (position === undefined || (cursor !== undefined && compareClientPositions(position, cursor) <= 0)) continue;
        cursor = position;
        advanced = true;
        const event = fromAllEvent(resolved);
        if (event === undefined || (types !== undefined && !types.has(event.type))) continue;
        events.push(event);
        if (events.length === maxCount) return events;
      }
      if (page.length < PAGE_SIZE || !advanced) return events;
    }
  }

  /** Reads a whole client read, giving up (and cancelling it) when it takes longer than the deadline. */
  private async collect<T>(read: StreamingRead<T>): Promise<T[]> {
    const items: T[] = [];
    const drained = (async () => {
      for await (const item of read) items.push(item);
    })();
    try {
      await this.withDeadline(drained);
    } catch (error) {
      if (error instanceof OperationTimedOut) {
        read.cancel().catch(() => undefined);
        read.destroy();
      }
      throw error;
    }
    return items;
  }

  /**
   * Bounds a client call: the client's own deadlines do not cover every wait (reads and the
   * discovery of server features have none), and an unreachable server must be a clear error.
   */
  private async withDeadline<T>(operation: Promise<T>, note?: string): Promise<T> {
    operation.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OperationTimedOut(this.deadlineMs, note)), this.deadlineMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toEventStoreError(error, { endpoint: this.endpoint, operation });
    }
  }
}

/** Opens an EventStoreDB store and checks that the server answers, failing fast with a clear error. */
export async function connectEsdbEventStore(
  connectionString: string,
  options: EsdbEventStoreOptions = {},
): Promise<EsdbEventStore> {
  const store = new EsdbEventStore(connectionString, options);
  try {
    await store.verifyConnection();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function rejectRepeatedIds(stream: string, events: readonly NewEvent[]): void {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) throw new DuplicateEventIdError(stream, event.id, 'it appears twice in one append');
    seen.add(event.id);
  }
}

function retryOf(stream: string, events: readonly NewEvent[], stored: readonly RecordedEvent[]): AppendResult | undefined {
  const byId = new Map(stored.map((event) => [event.id, event]));
  return findRetry(stream, events, (id) => byId.get(id));
}

function lastRevision(stored: readonly RecordedEvent[]): StreamRevision {
  const last = stored[stored.length - 1];
  return last === undefined ? NO_STREAM : last.revision;
}

/** An empty append changes nothing, but still answers whether the stream is as expected. */
function appendNothing(stream: string, expected: ExpectedRevision, stored: readonly RecordedEvent[]): AppendResult {
  const actual = lastRevision(stored);
  if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
  const last = stored[stored.length - 1];
  if (last === undefined) throw new Error(`Appending no events to "${stream}", which does not exist`);
  return { nextExpectedRevision: last.revision, position: last.position };
}

function countOf(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined) return undefined;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a non-negative safe integer, got ${String(maxCount)}`);
  }
  return maxCount;
}
