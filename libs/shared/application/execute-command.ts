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
import { conflict, versionMismatch, type CommandContext, type Decider, type DomainEvent } from '#shared';

/** How many times a command without expectedVersion is decided again after losing a race. */
export const MAX_ATTEMPTS = 5;

export interface ExecuteOptions<Command> {
  readonly stream: string;
  readonly command: Command;
  readonly context: CommandContext;
  /** The client's expectedVersion: when given, a stale stream is a conflict, never retried. */
  readonly expectedVersion?: number | null;
  /** A label for error messages, e.g. `Deal "d-1"`. */
  readonly describe: string;
}

export interface ExecuteResult<State> {
  readonly state: State;
  /** Revision of the stream's last event, or NO_STREAM when the command created nothing. */
  readonly revision: StreamRevision;
  /**
   * Global position of the last appended event or, for an idempotent repeat, of the stream's last
   * event (the read models must include it before the answer is read from them).
   */
  readonly position: Position | undefined;
  /** Types of the events the read models must include: those appended, or the stream's own. */
  readonly eventTypes: readonly string[];
  readonly appended: readonly RecordedEvent[];
}

/**
 * Reads the stream, decides, and appends with the revision it read. When another writer got
 * there first, the command is decided again on the new state (a bounded number of times) unless
 * the client pinned expectedVersion, in which case it is a conflict.
 */
export async function executeCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  options: ExecuteOptions<Command>,
): Promise<ExecuteResult<State>> {
  const commandId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    let lastPosition: Position | undefined;
    const streamTypes = new Set<string>();
    const { state, currentRevision } = await store.aggregateStream(options.stream, {
      initialState: decider.initialState,
      evolve: (current: State, event: RecordedEvent) => {
        lastPosition = event.position;
        streamTypes.add(event.type);
        return decider.evolve(current, toDomainEvent<Event>(event));
      },
    });
    const events = decider.decide(options.command, state, options.context);
    // An idempotent repeat changes nothing, so a stale expectedVersion does not make it fail.
    if (events.length === 0) {
      return { state, revision: currentRevision, position: lastPosition, eventTypes: [...streamTypes], appended: [] };
    }
    checkExpectedVersion(options, currentRevision);

    const newEvents = events.map((event) => toNewEvent(event, options.context, commandId));
    try {
      const result = await store.appendToStream(options.stream, newEvents, { expectedRevision: currentRevision });
      const firstRevision = result.nextExpectedRevision - newEvents.length + 1;
      const appended = newEvents.map(
        (event, index): RecordedEvent => ({
          ...event,
          stream: options.stream,
          revision: firstRevision + index,
          position: result.position,
        }),
      );
      return {
        state: events.reduce(decider.evolve, state),
        revision: result.nextExpectedRevision,
        position: result.position,
        eventTypes: [...new Set(appended.map((event) => event.type))],
        appended,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const actual = error.actual === NO_STREAM ? null : error.actual;
      if (typeof options.expectedVersion === 'number') {
        throw versionMismatch(options.describe, options.expectedVersion, actual);
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict(`${options.describe} kept changing while this command ran; try again`);
      }
    }
  }
}

function checkExpectedVersion(options: ExecuteOptions<unknown>, currentRevision: StreamRevision): void {
  if (typeof options.expectedVersion !== 'number') return;
  const actual = currentRevision === NO_STREAM ? null : currentRevision;
  if (actual !== options.expectedVersion) throw versionMismatch(options.describe, options.expectedVersion, actual);
}

/** The metadata every appended event carries. */
export function eventMetadata(context: CommandContext, causationId: string): JsonObject {
  return {
    actor: context.actor.id,
    team: context.actor.team,
    recordedAt: new Date(context.now).toISOString(),
    correlationId: context.correlationId,
    causationId,
  };
}

export function toNewEvent(event: DomainEvent, context: CommandContext, causationId: string): NewEvent {
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data as JsonObject,
    metadata: eventMetadata(context, causationId),
  };
}

export function toDomainEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  return { type: event.type, data: event.data } as unknown as Event;
}
