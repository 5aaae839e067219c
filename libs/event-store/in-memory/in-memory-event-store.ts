import { randomUUID } from 'node:crypto';
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
import { ANY, NO_STREAM, type StreamRevision } from '../expected-revision.js';
import { aggregate, checkedStreamRead } from '../stream-reads.js';
import {
  appendToLocalLog,
  decodeLogEvent,
  decodeStoredEvent,
  positionToNumber,
  toPosition,
  type LocalAppendTarget,
  type StoredEvent,
} from '../local-log.js';
import { LocalSubscriptions, readAllFromLog, type LocalLog, type LogPage } from '../local-subscription.js';
import { normalizeEventId } from '../new-events.js';

export interface InMemoryEventStoreOptions {
  /** Most bytes of event data in one append; EventStoreDB's default (1 MiB) when absent. */
  readonly maxAppendBytes?: number;
}

/**
 * The whole log in an array: for unit tests. Positions are 1, 2, 3, ... without gaps. Events are
 * kept as the JSON text they were written as, like the SQLite store, so both read them back alike.
 */
export class InMemoryEventStore implements EventStore, LocalLog {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, Map<number, StoredEvent>>();
  private readonly lastRevisions = new Map<string, number>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<(types: ReadonlySet<string>) => void>();
  private readonly subscriptions = new LocalSubscriptions(this);
  private readonly id = randomUUID();
  private readonly target: LocalAppendTarget = {
    currentRevision: (stream) => this.lastRevisions.get(stream) ?? NO_STREAM,
    eventAt: (stream, revision) => this.streams.get(stream)?.get(revision),
    eventById: (id) => this.byId.get(id),
    lastPosition: () => this.log.length,
    insert: (rows) => {
      for (const row of rows) this.store(row);
    },
  };

  constructor(private readonly options: InMemoryEventStoreOptions = {}) {}

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const before = this.log.length;
    const result = appendToLocalLog(this.target, stream, events, options.expectedRevision ?? ANY, this.options);
    const types = new Set(this.log.slice(before).map((row) => row.type));
    if (types.size > 0) for (const listener of this.listeners) listener(types);
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const rows = [...(this.streams.get(stream)?.values() ?? [])].filter((row) => row.revision >= from).sort((a, b) => a.revision - b.revision);
    const read = options.maxCount === undefined ? rows : rows.slice(0, options.maxCount);
    return checkedStreamRead(stream, from, read.map(decodeStoredEvent)) as RecordedEvent[];
  }

  async aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>> {
    return aggregate(await this.readStream(stream), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllFromLog(this, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return this.subscriptions.subscribe(options);
  }

  async headPosition(): Promise<Position | null> {
    return this.log.length === 0 ? null : toPosition(this.log.length);
  }

  async identity(): Promise<string> {
    return this.id;
  }

  comparePositions(a: Position, b: Position): number {
    return positionToNumber(a) - positionToNumber(b);
  }

  async close(): Promise<void> {
    await this.subscriptions.closeAll();
    this.listeners.clear();
  }

  readPage(after: Position | undefined, eventTypes: readonly string[] | undefined, maxRead: number): LogPage {
    const start = after === undefined ? 0 : positionToNumber(after);
    const types = eventTypes === undefined ? undefined : new Set(eventTypes);
    const events: RecordedEvent[] = [];
    let read = 0;
    let lastRead: Position | undefined;
    let index = start;
    for (; index < this.log.length && read < maxRead; index++) {
      const row = this.log[index]!;
      if (types !== undefined && !types.has(row.type)) continue;
      read += 1;
      lastRead = toPosition(row.position);
      const event = decodeLogEvent(row, types);
      if (event !== undefined) events.push(event);
    }
    const head = this.log.length === 0 ? undefined : toPosition(this.log.length);
    return { events, lastRead, reachedHead: index >= this.log.length, head };
  }

  onAppended(listener: (types: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * For tests: the stream's events before `revision` can no longer be read from the stream, as
   * after EventStoreDB's $tb (truncate before); the log keeps them, and revisions go on.
   */
  truncateStream(stream: string, revision: number): void {
    const events = this.streams.get(stream);
    for (const stored of events?.keys() ?? []) if (stored < revision) events!.delete(stored);
  }

  /**
   * For tests: stores an event as another program sharing the log might have, with `data` kept
   * as the text given (not necessarily JSON). Returns its position.
   */
  appendForeign(stream: string, event: { readonly id: string; readonly type: string; readonly data: string }): Position {
    const current: StreamRevision = this.target.currentRevision(stream);
    const row: StoredEvent = {
      position: this.log.length + 1,
      stream,
      revision: current === NO_STREAM ? 0 : current + 1,
      id: normalizeEventId(event.id),
      type: event.type,
      data: event.data,
      metadata: '{}',
    };
    this.store(row);
    for (const listener of this.listeners) listener(new Set([row.type]));
    return toPosition(row.position);
  }

  private store(row: StoredEvent): void {
    this.log.push(row);
    let events = this.streams.get(row.stream);
    if (events === undefined) this.streams.set(row.stream, (events = new Map()));
    events.set(row.revision, row);
    this.lastRevisions.set(row.stream, row.revision);
    this.byId.set(row.id, row);
  }
}
