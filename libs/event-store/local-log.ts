import { DuplicateEventIdError } from './errors.js';
import type { NewEvent, Position, RecordedEvent } from './event.js';
import type { AggregateStreamOptions, AggregateStreamResult, AppendResult } from './event-store.js';
import { NO_STREAM } from './expected-revision.js';

// Helpers shared by the adapters whose positions are a gap-free sequence 1, 2, 3, ...

export function toPosition(sequence: number): Position {
  return String(sequence) as Position;
}

export function positionToNumber(position: Position): number {
  const value = Number(position);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a position of this store: "${position}"`);
  return value;
}

/**
 * Decides whether an append is the retry of one already made: every event id of the batch is
 * already in this stream. Returns the result the first append returned, or undefined when none of
 * the ids is known. A partial match, or an id held by another stream, is an error.
 *
 * `lookup` gives, for an event id, the stored event when this stream holds it, `{ stream }` when
 * another stream does, or undefined.
 */
export function findRetry(
  stream: string,
  events: readonly NewEvent[],
  lookup: (eventId: string) => RecordedEvent | { stream: string } | undefined,
): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const found = events.map((event) => lookup(event.id));
  if (found.every((hit) => hit === undefined)) return undefined;
  found.forEach((hit, index) => {
    const id = events[index]!.id;
    if (hit === undefined) throw new DuplicateEventIdError(stream, id, 'the other events of this append are already stored');
    if (!('revision' in hit)) throw new DuplicateEventIdError(stream, id, `stream "${hit.stream}" already holds it`);
  });
  const stored = found as RecordedEvent[];
  const last = stored.reduce((latest, event) => (event.revision > latest.revision ? event : latest));
  return { nextExpectedRevision: last.revision, position: last.position };
}

export function aggregate<State, Event extends RecordedEvent>(
  events: readonly RecordedEvent[],
  options: AggregateStreamOptions<State, Event>,
): AggregateStreamResult<State> {
  let state = options.initialState();
  for (const event of events) state = options.evolve(state, event as Event);
  const last = events[events.length - 1];
  return { state, currentRevision: last === undefined ? NO_STREAM : last.revision };
}
