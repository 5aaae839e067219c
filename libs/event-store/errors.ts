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
  /**
   * True when an append was sent but its outcome is not known: it may have been stored. Appending
   * the same events (same ids) with the same expected revision again is safe: the store
   * recognises a write it already holds.
   */
  readonly appendOutcomeUnknown: boolean;

  constructor(message: string, options?: { cause?: unknown; appendOutcomeUnknown?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.appendOutcomeUnknown = options?.appendOutcomeUnknown ?? false;
  }
}

/** The events of one append are larger than the store accepts at once. Nothing was stored. */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';

  constructor(
    readonly stream: string,
    /** The store's limit in bytes (of the events' data, as EventStoreDB counts it). */
    readonly limitBytes: number,
    /** The size of the refused append, when the store says it. */
    readonly bytes?: number,
  ) {
    super(
      `The append to "${stream}" is refused: ${bytes === undefined ? 'its events exceed' : `its events' ${bytes} bytes exceed`} ` +
        `the store's limit of ${limitBytes} bytes per append`,
    );
  }
}

/** The stream was deleted: it cannot be read or appended to as if it had never existed. */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';

  constructor(
    readonly stream: string,
    detail = 'it was deleted',
  ) {
    super(`Stream "${stream}" cannot be used: ${detail}`);
  }
}

/**
 * A read from a revision found the stream starting later: the events before were truncated
 * (EventStoreDB's $tb, $maxCount, $maxAge, a soft delete) or removed. Folding what is left would
 * give a state that never was, so it is an error, never an aggregate.
 */
export class StreamTruncatedError extends Error {
  override readonly name = 'StreamTruncatedError';

  constructor(
    readonly stream: string,
    /** The revision the read asked for. */
    readonly fromRevision: number,
    /** The first revision the stream still holds, when known. */
    readonly firstRevision: number | undefined,
  ) {
    super(
      `Stream "${stream}" has no event at revision ${fromRevision}` +
        (firstRevision === undefined ? '' : ` (it now starts at revision ${firstRevision})`) +
        ': its earlier events were truncated or deleted',
    );
  }
}

/** A stored event that this port could not have written (not JSON, or data that is not an object). */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';

  constructor(
    readonly eventId: string,
    readonly stream: string,
    readonly revision: number | bigint,
    reason: string,
  ) {
    super(`Event ${eventId} (revision ${revision} of "${stream}") ${reason}`);
  }
}
