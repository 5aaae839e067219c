/** Append whatever the stream's state. */
export const ANY = 'any' as const;
/** Append only if the stream has no event yet. */
export const NO_STREAM = 'no_stream' as const;
/** Append only if the stream has at least one event. */
export const STREAM_EXISTS = 'stream_exists' as const;

/** ANY, NO_STREAM, STREAM_EXISTS, or the exact revision (from 0) of the stream's last event. */
export type ExpectedRevision = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | number;

/** What a stream currently is: NO_STREAM, or the revision of its last event. */
export type StreamRevision = typeof NO_STREAM | number;

export function describeRevision(revision: ExpectedRevision | StreamRevision): string {
  return typeof revision === 'number' ? String(revision) : revision;
}

/** Whether a stream whose last revision is `actual` satisfies `expected`. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, actual: StreamRevision): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return actual === NO_STREAM;
    case STREAM_EXISTS:
      return actual !== NO_STREAM;
    default:
      return actual === expected;
  }
}
