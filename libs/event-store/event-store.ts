import type { JsonObject, NewEvent, Position, RecordedEvent } from './event.js';
import type { ExpectedRevision, StreamRevision } from './expected-revision.js';

export const EVENT_STORE = Symbol('EventStore');

export interface AppendOptions {
  /** Defaults to ANY. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expectedRevision. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: Position;
  /**
   * The global position of each appended event, in the order given, when the store knows them
   * without asking again: local logs always; EventStoreDB only for an append of one event (its
   * answer carries the last position alone).
   */
  readonly positions?: readonly Position[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); defaults to 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events after this position (exclusive); from the start of the log when absent. */
  readonly fromPosition?: Position;
  readonly maxCount?: number;
  /** Only events of these types; all events when absent. */
  readonly eventTypes?: readonly string[];
}

export interface AggregateStreamOptions<State, Event extends RecordedEvent> {
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

export interface AggregateStreamResult<State> {
  readonly state: State;
  /** NO_STREAM when the stream has no event, else the revision of its last event. */
  readonly currentRevision: StreamRevision;
}

export interface SubscribeToAllOptions {
  /** Deliver events after this position (exclusive); from the start of the log when absent. */
  readonly fromPosition?: Position;
  /** Only events of these types (filtered by the store); all events when absent. */
  readonly eventTypes?: readonly string[];
}

/**
 * What a subscription yields: an event, or a checkpoint saying the log has been read up to a
 * position (so that a filtered subscriber can record progress past events it does not receive).
 */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'checkpoint'; readonly position: Position };

/** A catch-up subscription: reads history, then follows live appends until closed. */
export interface AllSubscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends every open subscription, then releases the store. */
  close(): Promise<void>;
}

/**
 * The event store port, in EventStoreDB's vocabulary. Revisions count from 0.
 *
 * Appends are idempotent by event id, as EventStoreDB decides it: an append whose events are
 * already stored right after its expected revision (or, with ANY and STREAM_EXISTS, anywhere in
 * the stream) returns the result of the append that stored them; a batch only partly stored is a
 * DuplicateEventIdError. Give events ids derived from what produced them, and retry an append
 * whose outcome is unknown with the same ids and expected revision.
 */
export interface EventStore {
  /**
   * Appends atomically. Refuses ids that are not UUIDs, types or streams starting with `$`, a
   * repeated id, and (AppendTooLargeError) more data than the store takes in one append.
   */
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * The stream's events in revision order; empty when the stream does not exist. A stream that
   * does not hold `fromRevision` although it has later events (truncated) is a
   * StreamTruncatedError, a deleted one a StreamDeletedError.
   */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>>;
  /**
   * Events of every stream in global order. The store's own events (`$` types or streams) and,
   * on a log shared with other programs, events of other types are skipped before they are
   * decoded; without a type filter, events this port could not have written are skipped too.
   * An event of a requested type that cannot be read is an UnreadableEventError.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Skips what readAll skips. Once it has delivered the whole log as it stood when the
   * subscription started, it yields a checkpoint at that head or after it (also when nothing came
   * after its start), so a filtered subscriber learns it is caught up.
   */
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event of the log; null while the log is empty. */
  headPosition(): Promise<Position | null>;
  /**
   * Identifies this log: the same through every connection and restart for the life of the log,
   * another one for another log (a new file, a reset server). Positions of one log mean nothing
   * in another.
   */
  identity(): Promise<string>;
  /** Orders two positions issued by this store: negative, zero or positive. */
  comparePositions(a: Position, b: Position): number;
  /** Ends every open subscription, then releases the store. */
  close(): Promise<void>;
}

export type { JsonObject };
