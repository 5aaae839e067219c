import { StreamTruncatedError } from './errors.js';
import type { RecordedEvent } from './event.js';
import type { AggregateStreamOptions, AggregateStreamResult } from './event-store.js';
import { NO_STREAM } from './expected-revision.js';

// What every adapter does with the events of one stream once it has read them.

/**
 * The events of a stream read from `fromRevision`, checked to hold every revision from there on:
 * a stream that starts later, or skips one, lost events and must not be folded.
 */
export function checkedStreamRead<Event extends { readonly revision: number }>(
  stream: string,
  fromRevision: number,
  events: readonly Event[],
): readonly Event[] {
  events.forEach((event, index) => {
    if (event.revision !== fromRevision + index) {
      throw new StreamTruncatedError(stream, fromRevision + index, index === 0 ? event.revision : undefined);
    }
  });
  return events;
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
