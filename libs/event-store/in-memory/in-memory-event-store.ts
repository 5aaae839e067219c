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
import { ANY, NO_STREAM, satisfiesExpectedRevision, type StreamRevision } from '../expected-revision.js';
import { LocalCatchUpSubscription, type LocalLog, type LogPage } from '../local-subscription.js';
import { aggregate, findRetry, positionToNumber, toPosition } from '../local-log.js';

/** The whole log in an array: for unit tests. Positions are 1, 2, 3, ... without gaps. */
export class InMemoryEventStore implements EventStore, LocalLog {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new Map<string, string>();
  private readonly listeners = new Set<(types: ReadonlySet<string>) => void>();

  async appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const existing = this.streams.get(stream) ?? [];
    const retry = findRetry(stream, events, (id) => {
      const owner = this.eventIds.get(id);
      if (owner === undefined) return undefined;
      return owner === stream ? existing.find((event) => event.id === id) : { stream: owner };
    });
    if (retry) return retry;

    const actual: StreamRevision = existing.length === 0 ? NO_STREAM : existing.length - 1;
    const expected = options.expectedRevision ?? ANY;
    if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
    if (events.length === 0) {
      if (actual === NO_STREAM) throw new Error(`Appending no events to "${stream}", which does not exist`);
      return { nextExpectedRevision: actual, position: existing[existing.length - 1]!.position };
    }
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.id)) throw new DuplicateEventIdError(stream, event.id, 'it appears twice in one append');
      seen.add(event.id);
    }

    const recorded = events.map(
      (event, index): RecordedEvent => ({
        id: event.id,
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata),
        stream,
        revision: existing.length + index,
        position: toPosition(this.log.length + index + 1),
      }),
    );
    this.log.push(...recorded);
    this.streams.set(stream, [...existing, ...recorded]);
    for (const event of recorded) this.eventIds.set(event.id, stream);
    const last = recorded[recorded.length - 1]!;
    const types = new Set(recorded.map((event) => event.type));
    for (const listener of this.listeners) listener(types);
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const events = (this.streams.get(stream) ?? []).filter((event) => event.revision >= from);
    return options.maxCount === undefined ? events : events.slice(0, options.maxCount);
  }

  async aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>> {
    return aggregate(await this.readStream(stream), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(options.fromPosition, options.eventTypes, options.maxCount ?? Number.MAX_SAFE_INTEGER).events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return new LocalCatchUpSubscription(this, options);
  }

  async headPosition(): Promise<Position | null> {
    return this.log.at(-1)?.position ?? null;
  }

  comparePositions(a: Position, b: Position): number {
    return positionToNumber(a) - positionToNumber(b);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  readPage(after: Position | undefined, eventTypes: readonly string[] | undefined, maxCount: number): LogPage {
    const start = after === undefined ? 0 : positionToNumber(after);
    const types = eventTypes ? new Set(eventTypes) : undefined;
    const events: RecordedEvent[] = [];
    for (let index = start; index < this.log.length && events.length < maxCount; index++) {
      const event = this.log[index]!;
      if (!types || types.has(event.type)) events.push(event);
    }
    const head = this.log.length === 0 ? undefined : this.log[this.log.length - 1]!.position;
    return { events, head };
  }

  onAppended(listener: (types: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
