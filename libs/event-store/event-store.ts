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
  close(): Promise<void>;
}

/** The event store port, in EventStoreDB's vocabulary. Revisions count from 0. */
export interface EventStore {
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>>;
  /** Events of every stream in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event of the log; null while the log is empty. */
  headPosition(): Promise<Position | null>;
  /** Orders two positions issued by this store: negative, zero or positive. */
  comparePositions(a: Position, b: Position): number;
  close(): Promise<void>;
}

export type { JsonObject };
