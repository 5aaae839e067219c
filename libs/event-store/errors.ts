import { describeRevision, type ExpectedRevision, type StreamRevision } from './expected-revision.js';

/** The stream was not at the revision the caller expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision,
  ) {
    super(
      `Stream "${stream}" was expected at revision ${describeRevision(expected)} but is at ${describeRevision(actual)}`,
    );
  }
}

/**
 * An append reused event ids in a way that cannot be a retry: an id already held by another
 * stream, or a batch of which only some events were appended before.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(
    readonly stream: string,
    readonly eventId: string,
    detail: string,
  ) {
    super(`Event id ${eventId} cannot be appended to "${stream}": ${detail}`);
  }
}

/** The store cannot be reached or answered with a failure that is not the caller's fault. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
