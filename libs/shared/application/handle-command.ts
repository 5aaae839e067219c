import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type StreamRevision,
} from '#event-store';
import { conflict, versionMismatch, type Aggregate, type CommandContext, type DomainEvent } from '#shared';
import { decidedEventId } from './event-ids.js';

/** How many times a command without expectedVersion is decided again after losing a race. */
export const MAX_ATTEMPTS = 5;

export interface HandleCommandOptions {
  /**
   * The client's expectedVersion (an If-Match): when given, the stream must be at exactly this
   * revision, even for a command that would change nothing, and a lost race is never retried.
   */
  readonly expectedVersion?: number | null;
}

export interface CommandResult<State> {
  readonly state: State;
  /** Revision of the stream's last event, or NO_STREAM when the command created nothing. */
  readonly revision: StreamRevision;
  /**
   * Global position of the last appended event or, for an idempotent repeat, of the stream's last
   * event (the read models must include it before the answer is read from them).
   */
  readonly position: Position | undefined;
  /**
   * What the read models must include before the answer is read from them: for each type of the
   * events appended (or, for a repeat, of the stream's events), the last position of that type.
   */
  readonly positions: ReadonlyMap<string, Position>;
  readonly appended: readonly RecordedEvent[];
}

export interface AggregateRead<State> {
  readonly state: State;
  readonly revision: StreamRevision;
  /** Position of the stream's last event; undefined for an empty stream. */
  readonly position: Position | undefined;
  /** The last position of each type of event in the stream. */
  readonly positions: ReadonlyMap<string, Position>;
}

/** Folds one instance's stream into its state, as deciding sees it. */
export async function readAggregate<Command, Event extends DomainEvent, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  id: string,
): Promise<AggregateRead<State>> {
  let position: Position | undefined;
  const positions = new Map<string, Position>();
  const { decider } = aggregate;
  const { state, currentRevision } = await store.aggregateStream(aggregate.streamFor(id), {
    initialState: decider.initialState,
    evolve: (current: State, event: RecordedEvent) => {
      position = event.position;
      positions.set(event.type, event.position);
      return decider.evolve(current, toDomainEvent<Event>(event));
    },
  });
  return { state, revision: currentRevision, position, positions };
}

/**
 * The one way a command runs: read the instance's stream, decide, append with the revision read.
 * When another writer got there first, the command is decided again on the new state (a bounded
 * number of times) unless the client pinned expectedVersion, in which case it is a conflict.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  id: string,
  command: Command,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<State>> {
  const { decider } = aggregate;
  const stream = aggregate.streamFor(id);
  const expectedVersion = options.expectedVersion ?? null;
  const commandId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const read = await readAggregate(store, aggregate, id);
    // Who may do it and whether the input is right are answered before the version.
    const events = decider.decide(command, read.state, context);
    const actual = read.revision === NO_STREAM ? null : read.revision;
    if (expectedVersion !== null && actual !== expectedVersion) {
      throw versionMismatch(aggregate.describe(id), expectedVersion, actual);
    }
    if (events.length === 0) {
      return { state: read.state, revision: read.revision, position: read.position, positions: read.positions, appended: [] };
    }
    const newEvents = events.map((event, index) => toNewEvent(event, context, commandId, decidedEventId(commandId, attempt, index)));
    try {
      const result = await store.appendToStream(stream, newEvents, { expectedRevision: read.revision });
      const firstRevision = result.nextExpectedRevision - newEvents.length + 1;
      const appended = newEvents.map(
        (event, index): RecordedEvent => ({
          ...event,
          stream,
          revision: firstRevision + index,
          // A store that answers only the append's last position: its events are read up to there.
          position: result.positions?.[index] ?? result.position,
        }),
      );
      return {
        state: events.reduce(decider.evolve, read.state),
        revision: result.nextExpectedRevision,
        position: result.position,
        positions: new Map(appended.map((event) => [event.type, event.position])),
        appended,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (expectedVersion !== null) {
        throw versionMismatch(aggregate.describe(id), expectedVersion, error.actual === NO_STREAM ? null : error.actual);
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict(`${aggregate.describe(id)} kept changing while this command ran; try again`);
      }
    }
  }
}

/** The metadata every appended event carries. */
function eventMetadata(context: CommandContext, causationId: string): JsonObject {
  return {
    actor: context.actor.id,
    team: context.actor.team,
    recordedAt: new Date(context.now).toISOString(),
    correlationId: context.correlationId,
    causationId,
  };
}

function toNewEvent(event: DomainEvent, context: CommandContext, causationId: string, id: string): NewEvent {
  return { id, type: event.type, data: event.data as JsonObject, metadata: eventMetadata(context, causationId) };
}

function toDomainEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  return { type: event.type, data: event.data } as unknown as Event;
}
