import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type AppendResult as ClientAppendResult,
  type ResolvedEvent,
  type StreamingRead,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, StreamDeletedError, StreamTruncatedError, WrongExpectedRevisionError } from '../errors.js';
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
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  satisfiesExpectedRevision,
  type ExpectedRevision,
  type StreamRevision,
} from '../expected-revision.js';
import { checkedNewEvents } from '../new-events.js';
import { aggregate, checkedStreamRead } from '../stream-reads.js';
import {
  OperationTimedOut,
  compareClientPositions,
  comparePositions,
  decodePosition,
  describeEndpoint,
  encodePosition,
  fromAllEvent,
  fromClientCurrentRevision,
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
  type ClientPosition,
  type OperationContext,
} from './esdb-mapping.js';
import { EsdbSubscription, OpeningSubscription } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /**
   * How long one request may wait for the server (an append, one page of a read, the start of a
   * subscription) before it fails with EventStoreUnavailableError. Defaults to 10 seconds.
   */
  readonly deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 10_000;
const PAGE_SIZE = 500;

/** The stream whose first event's id identifies the log (written once, by whoever comes first). */
export const IDENTITY_STREAM = 'event-store-identity';
const IDENTITY_EVENT_TYPE = 'EventStoreIdentified';

/**
 * The event store on EventStoreDB, through @eventstore/db-client over gRPC.
 *
 * Appends rely on the server's own idempotency by event id: an append whose events the stream
 * already holds right after its expected revision is recognised and answered as the first one
 * (with ANY or STREAM_EXISTS, while the server still remembers the ids in its bounded cache). An
 * append whose outcome is unknown (no answer in time, the server's commit timeout, a connection
 * lost mid-call) is sent once more with the same ids and expected revision, so that a write that
 * landed is recognised rather than doubled; when that too is unknown, the error says so.
 *
 * Reads require the leader: a follower serves reads from its own copy, which may miss the latest
 * writes (a stale aggregate, a spurious conflict). A follower's NotLeader answer makes the client
 * reconnect to the leader it names; the read is then tried once more.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly endpoint: string;
  private readonly deadlineMs: number;
  private readonly subscriptions = new Set<AllSubscription>();
  private identityRead: Promise<string> | undefined;

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
    await this.run({ operation: 'checking the connection (reading the end of $all)' }, () => this.readHead());
  }

  async headPosition(): Promise<Position | null> {
    const head = await this.run({ operation: 'reading the end of $all' }, () => this.readHead());
    return head === undefined ? null : encodePosition(head);
  }

  /**
   * The id of the first event of the stream `event-store-identity`, which the first service to
   * ask writes (expecting no stream, so concurrent starts agree on one). A reset server has none
   * and gets a new one.
   */
  identity(): Promise<string> {
    this.identityRead ??= this.run({ operation: 'reading the identity of the log', stream: IDENTITY_STREAM }, () => this.readOrWriteIdentity());
    this.identityRead.catch(() => {
      this.identityRead = undefined;
    });
    return this.identityRead;
  }

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? ANY;
    const expectedRevision = toClientExpectedRevision(expected);
    const batch = checkedNewEvents(stream, events);
    return this.run({ operation: `appendToStream("${stream}")`, stream, append: true }, async () => {
      if (batch.length === 0) return this.appendNothing(stream, expected);
      const data = batch.map(toEventData);
      let result: ClientAppendResult;
      for (let attempt = 1; ; attempt++) {
        try {
          result = await this.withDeadline(this.client.appendToStream(stream, data, { expectedRevision, deadline: this.deadlineMs }));
          break;
        } catch (error) {
          // Sent again as it was: if the first one landed, the server recognises its ids after the
          // expected revision and answers as it did, instead of storing the events twice.
          if (attempt === 1 && isOutcomeUnknown(error)) continue;
          if (isWrongExpectedVersion(error)) throw await this.explainRefusal(stream, batch, expected, error);
          throw error;
        }
      }
      // A refusal reported as a result (throwOnAppendFailure=false), whose revision is not reliable.
      if (!result.success) throw await this.explainRefusal(stream, batch, expected, undefined);
      return this.appended(stream, batch, result);
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    toClientRevision(fromRevision);
    const maxCount = countOf(options.maxCount);
    return this.run({ operation: `readStream("${stream}")`, stream }, () =>
      this.onLeader(() => this.readStreamFrom(stream, fromRevision, maxCount)),
    );
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
    return this.run({ operation: 'readAll' }, () => this.onLeader(() => this.readAllAfter(after, maxCount, types)));
  }

  /**
   * Reads the head of $all first, then subscribes: when the server says the subscription caught
   * up, everything up to that head has been delivered, and a checkpoint says so. Both on the
   * leader, so that the head and the subscription see the same log.
   */
  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const after = options.fromPosition === undefined ? undefined : decodePosition(options.fromPosition);
    const context: OperationContext = { endpoint: this.endpoint, operation: 'subscribeToAll' };
    const opening = this.run({ operation: 'subscribeToAll (reading the end of $all first)' }, () => this.readHead()).then(
      (head) =>
        new EsdbSubscription(
          (onCheckpoint) =>
            this.client.subscribeToAll({
              fromPosition: after ?? START,
              filter: subscriptionFilter(options.eventTypes, onCheckpoint),
              requiresLeader: true,
            }),
          {
            after,
            eventTypes: options.eventTypes,
            headBeforeOpening: head,
            toError: (error) => toEventStoreError(error, context),
            confirmationTimeoutMs: this.deadlineMs,
            closeTimeoutMs: this.deadlineMs,
          },
        ),
    );
    const subscription: AllSubscription = new OpeningSubscription(opening, () => this.subscriptions.delete(subscription));
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

  private async readOrWriteIdentity(): Promise<string> {
    const read = async () => (await this.onLeader(() => this.readStreamFrom(IDENTITY_STREAM, 0, 1)))[0]?.id;
    const existing = await read();
    if (existing !== undefined) return existing;
    const id = randomUUID();
    try {
      await this.appendToStream(IDENTITY_STREAM, [{ id, type: IDENTITY_EVENT_TYPE, data: { identity: id }, metadata: {} }], {
        expectedRevision: NO_STREAM,
      });
      return id;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const written = await read();
      if (written === undefined) throw error;
      return written;
    }
  }

  /** The result of a successful append, with each event's position when it is known. */
  private async appended(stream: string, batch: readonly NewEvent[], result: ClientAppendResult): Promise<AppendResult> {
    const nextExpectedRevision = fromClientRevision(result.nextExpectedRevision);
    if (result.position !== undefined) {
      // The answer carries the position of the last event only.
      const position = encodePosition(result.position);
      return { nextExpectedRevision, position, ...(batch.length === 1 ? { positions: [position] } : {}) };
    }
    // Servers before 24.2 answer an append they recognised as already stored without a position.
    const stored = await this.onLeader(() => this.readStreamFrom(stream, nextExpectedRevision - batch.length + 1, batch.length));
    if (stored.length !== batch.length || stored.some((event, index) => event.id !== batch[index]!.id)) {
      throw new Error(`EventStoreDB reported an append to "${stream}" without a log position, and the stream does not hold it`);
    }
    return { nextExpectedRevision, position: stored.at(-1)!.position, positions: stored.map((event) => event.position) };
  }

  /**
   * The server answers WrongExpectedVersion both to a conflict and to a batch whose first events
   * are stored but not the others (it then calls the idempotency "corrupted"). Which one it was:
   * with ANY, only the latter is possible; otherwise the event right after the expected revision
   * says.
   */
  private async explainRefusal(
    stream: string,
    batch: readonly NewEvent[],
    expected: ExpectedRevision,
    error: WrongExpectedVersionError | undefined,
  ): Promise<Error> {
    const partial = () =>
      new DuplicateEventIdError(stream, batch[0]!.id, 'the stream holds the first events of this append, but not all of them');
    const reported = error === undefined ? undefined : fromClientCurrentRevision(error.actualVersion);
    if (expected === ANY) return partial();
    if (expected === STREAM_EXISTS) {
      const actual = reported ?? (await this.lastRevisionOf(stream));
      return actual === NO_STREAM ? new WrongExpectedRevisionError(stream, expected, actual) : partial();
    }
    const after = expected === NO_STREAM ? -1 : expected;
    const [next] = await this.onLeader(() => this.readStreamFrom(stream, after + 1, 1)).catch((readError: unknown) => {
      if (readError instanceof StreamTruncatedError) return [];
      throw readError;
    });
    if (next !== undefined && next.id === batch[0]!.id) return partial();
    const actual = reported ?? (await this.lastRevisionOf(stream));
    return error === undefined
      ? new WrongExpectedRevisionError(stream, expected, actual)
      : toWrongExpectedRevisionError(error, { stream, expected, actual });
  }

  /** An empty append changes nothing, but still answers whether the stream is as expected. */
  private async appendNothing(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(stream);
    const actual = last === undefined ? NO_STREAM : last.revision;
    if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
    if (last === undefined) throw new Error(`Appending no events to "${stream}", which does not exist`);
    return { nextExpectedRevision: last.revision, position: last.position, positions: [] };
  }

  private async lastRevisionOf(stream: string): Promise<StreamRevision> {
    return (await this.lastEventOf(stream))?.revision ?? NO_STREAM;
  }

  private async lastEventOf(stream: string): Promise<RecordedEvent | undefined> {
    return this.onLeader(async () => {
      try {
        const [last] = await this.collect(
          this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }),
        );
        return last === undefined ? undefined : fromStreamEvent(last);
      } catch (error) {
        if (isStreamNotFound(error)) return undefined;
        throw error;
      }
    });
  }

  /**
   * Reads the stream page by page from `fromRevision`, checking that every revision from there on
   * is there: a stream truncated by $tb, $maxCount or $maxAge, or soft-deleted and written again,
   * starts later, and folding what is left would give a state that never was.
   */
  private async readStreamFrom(stream: string, fromRevision: number, maxCount: number | undefined): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let next = fromRevision;
    for (;;) {
      const wanted = Math.min(PAGE_SIZE, maxCount === undefined ? PAGE_SIZE : maxCount - events.length);
      if (wanted <= 0) return events;
      let page: ResolvedEvent[];
      try {
        page = await this.collect(
          this.client.readStream(stream, { fromRevision: toClientRevision(next), maxCount: wanted, direction: FORWARDS, requiresLeader: true }),
        );
      } catch (error) {
        if (!isStreamNotFound(error)) throw error;
        if (events.length === 0) await this.explainMissing(stream);
        return events;
      }
      const read = page.map(fromStreamEvent);
      checkedStreamRead(stream, next, read);
      events.push(...read);
      if (events.length === 0) await this.explainEmpty(stream, fromRevision);
      if (page.length < wanted || read.length === 0) return events;
      next = read.at(-1)!.revision + 1;
    }
  }

  /** A stream the server says does not exist: never written, or soft-deleted. */
  private async explainMissing(stream: string): Promise<void> {
    if (truncationOf(await this.metadataOf(stream))?.softDeleted) {
      throw new StreamDeletedError(stream, 'it was soft-deleted on the server (its events are kept until a scavenge, but not readable)');
    }
  }

  /**
   * A stream that exists but holds nothing from `fromRevision` on: past its end, or truncated.
   * From revision 0 it can only be the latter.
   */
  private async explainEmpty(stream: string, fromRevision: number): Promise<void> {
    const truncation = truncationOf(await this.metadataOf(stream));
    const before = truncation?.softDeleted === false ? truncation.before : undefined;
    if (fromRevision === 0 || (before !== undefined && before > fromRevision)) {
      throw new StreamTruncatedError(stream, fromRevision, before);
    }
  }

  /** The data of the stream's last metadata event, or undefined when it has none or may not be read. */
  private async metadataOf(stream: string): Promise<unknown> {
    try {
      const [last] = await this.collect(
        this.client.readStream(`$$${stream}`, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }),
      );
      return last?.event?.isJson ? last.event.data : undefined;
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
  }

  private async readAllAfter(
    after: ClientPosition | undefined,
    maxCount: number | undefined,
    types: ReadonlySet<string> | undefined,
  ): Promise<RecordedEvent[]> {
    // Client 6.2 filters $all on the server only for subscriptions, so reads filter here, on the
    // type before anything is decoded. Whether the server's read from a position includes the event
    // at it or not, anything not after the cursor is dropped, which keeps fromPosition exclusive.
    const events: RecordedEvent[] = [];
    let cursor = after;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await this.collect(
        this.client.readAll({ fromPosition: cursor ?? START, maxCount: PAGE_SIZE, direction: FORWARDS, requiresLeader: true }),
      );
      let advanced = false;
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (position === undefined || (cursor !== undefined && compareClientPositions(position, cursor) <= 0)) continue;
        cursor = position;
        advanced = true;
        const event = fromAllEvent(resolved, types);
        if (event === undefined) continue;
        events.push(event);
        if (events.length === maxCount) return events;
      }
      if (page.length < PAGE_SIZE || !advanced) return events;
    }
  }

  /** The position of the last event of $all, read on the leader; undefined for an empty log. */
  private async readHead(): Promise<ClientPosition | undefined> {
    const [last] = await this.onLeader(() =>
      this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, requiresLeader: true })),
    );
    return last?.event?.position;
  }

  /**
   * Runs a read that requires the leader; when a follower answered it, runs it once more. The
   * client has by then dropped its channel and connects to the leader the follower named.
   */
  private async onLeader<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!isNotLeader(error)) throw error;
      await new Promise((resolve) => setImmediate(resolve));
      return read();
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
  private async withDeadline<T>(operation: Promise<T>): Promise<T> {
    operation.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OperationTimedOut(this.deadlineMs)), this.deadlineMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run<T>(context: Omit<OperationContext, 'endpoint'>, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toEventStoreError(error, { endpoint: this.endpoint, ...context });
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

function countOf(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined) return undefined;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a non-negative safe integer, got ${String(maxCount)}`);
  }
  return maxCount;
}
