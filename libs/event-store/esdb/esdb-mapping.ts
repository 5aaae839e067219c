import {
  ANY as CLIENT_ANY,
  ErrorType,
  NO_STREAM as CLIENT_NO_STREAM,
  STREAM_EXISTS as CLIENT_STREAM_EXISTS,
  eventTypeFilter,
  isCommandError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CommandError,
  type EventData,
  type Filter,
  type Position as ClientPosition,
  type RecordedEvent as ClientRecordedEvent,
  type ResolvedEvent,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  StreamDeletedError,
  StreamTruncatedError,
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../errors.js';
import type { JsonObject, NewEvent, Position, RecordedEvent } from '../event.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision, type StreamRevision } from '../expected-revision.js';
import { isSystemName } from '../new-events.js';

// Pure translations between the port's vocabulary and @eventstore/db-client's. Nothing here talks
// to a server, so every rule is unit-tested on its own.

export type { ClientPosition };

const UINT64_MAX = (1n << 64n) - 1n;

// ---------------------------------------------------------------------------------------------
// Revisions

/** A revision of ours (a safe non-negative integer) as the client's bigint. */
export function toClientRevision(revision: number): bigint {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`A stream revision must be a non-negative safe integer, got ${String(revision)}`);
  }
  return BigInt(revision);
}

/** A revision the server reported, as a number; refuses what a number cannot hold exactly. */
export function fromClientRevision(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB reported stream revision ${revision}, which is not a safe integer revision`);
  }
  return Number(revision);
}

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case ANY:
      return CLIENT_ANY;
    case NO_STREAM:
      return CLIENT_NO_STREAM;
    case STREAM_EXISTS:
      return CLIENT_STREAM_EXISTS;
    default:
      return toClientRevision(expected);
  }
}

// Older servers (and the client's metadata-based error path) speak the legacy numeric codes.
const LEGACY_EXPECTED: ReadonlyMap<bigint, ExpectedRevision> = new Map<bigint, ExpectedRevision>([
  [-1n, NO_STREAM],
  [-2n, ANY],
  [-4n, STREAM_EXISTS],
]);

/**
 * The expected revision an error reports, or undefined when it is not one we can read. Accepts the
 * client's strings and bigints, and numbers or decimal strings for robustness.
 */
export function fromClientExpectedRevision(value: unknown): ExpectedRevision | undefined {
  if (value === CLIENT_ANY) return ANY;
  if (value === CLIENT_NO_STREAM) return NO_STREAM;
  if (value === CLIENT_STREAM_EXISTS) return STREAM_EXISTS;
  const number = integerOf(value);
  if (number === undefined) return undefined;
  if (number < 0n) return LEGACY_EXPECTED.get(number);
  return number <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(number) : undefined;
}

/**
 * The current revision an error reports: the string "no_stream" (never given to BigInt), a bigint,
 * or -1 for no stream. Undefined when it is not one we can read.
 */
export function fromClientCurrentRevision(value: unknown): StreamRevision | undefined {
  if (value === CLIENT_NO_STREAM) return NO_STREAM;
  const number = integerOf(value);
  if (number === undefined) return undefined;
  if (number === -1n) return NO_STREAM;
  if (number < 0n || number > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(number);
}

function integerOf(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^-?(0|[1-9][0-9]*)$/.test(value)) return BigInt(value);
  return undefined;
}

/**
 * Our error for the client's WrongExpectedVersionError. What the error carries wins; `known` fills
 * in what it does not say in a form we can read (the stream, what the caller expected, and the
 * revision the adapter read itself).
 */
export function toWrongExpectedRevisionError(
  error: Pick<WrongExpectedVersionError, 'streamName' | 'expectedVersion' | 'actualVersion'>,
  known: { readonly stream: string; readonly expected: ExpectedRevision; readonly actual: StreamRevision },
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(
    error.streamName || known.stream,
    fromClientExpectedRevision(error.expectedVersion) ?? known.expected,
    fromClientCurrentRevision(error.actualVersion) ?? known.actual,
  );
}

// ---------------------------------------------------------------------------------------------
// Positions: "<commit>:<prepare>" in decimal.

const POSITION_PATTERN = /^(0|[1-9][0-9]*):(0|[1-9][0-9]*)$/;

export function encodePosition(position: ClientPosition): Position {
  for (const part of [position.commit, position.prepare]) {
    if (typeof part !== 'bigint' || part < 0n || part > UINT64_MAX) {
      throw new RangeError(`Not an EventStoreDB log position: commit ${position.commit}, prepare ${position.prepare}`);
    }
  }
  return `${position.commit}:${position.prepare}` as Position;
}

export function decodePosition(position: Position | string): ClientPosition {
  const match = typeof position === 'string' ? POSITION_PATTERN.exec(position) : null;
  const commit = match ? BigInt(match[1]!) : undefined;
  const prepare = match ? BigInt(match[2]!) : undefined;
  if (commit === undefined || prepare === undefined || commit > UINT64_MAX || prepare > UINT64_MAX) {
    throw new Error(
      `Not a position of the EventStoreDB store: "${String(position)}" (expected "<commit>:<prepare>" in decimal, ` +
        'as this store issues them; positions of another store cannot be used here)',
    );
  }
  return { commit, prepare };
}

/** Log order: by commit position, then prepare position. */
export function compareClientPositions(a: ClientPosition, b: ClientPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function comparePositions(a: Position, b: Position): number {
  return compareClientPositions(decodePosition(a), decodePosition(b));
}

// ---------------------------------------------------------------------------------------------
// Events

/**
 * The metadata keys EventStoreDB's own tooling reads (its $by_correlation_id projection, the
 * admin UI), filled from the port's `correlationId` and `causationId` when they are strings.
 */
const SERVER_METADATA: readonly (readonly [ours: string, server: string])[] = [
  ['correlationId', '$correlationId'],
  ['causationId', '$causationId'],
];

/**
 * Our event as the client's JSON event, keeping its id so the server can recognise a retry. Its
 * metadata also carries `$correlationId` and `$causationId`; reading it back drops them again.
 */
export function toEventData(event: NewEvent): EventData {
  const metadata: JsonObject = { ...event.metadata };
  for (const [ours, server] of SERVER_METADATA) {
    const value = event.metadata[ours];
    if (typeof value === 'string') metadata[server] = value;
  }
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

/** The metadata as the port gives it: without the keys of the server (`$`-prefixed), which it refuses on append. */
function portMetadata(metadata: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !isSystemName(key)));
}

/** Events of the server itself: `$`-prefixed types (links are `$>`) or streams. */
export function isSystemEvent(event: Pick<ClientRecordedEvent, 'type' | 'streamId'>): boolean {
  return isSystemName(event.type) || isSystemName(event.streamId);
}

/**
 * An event read from one of our streams. Strict: an event this adapter could not have written (not
 * JSON, data not an object, no log position) is an UnreadableEventError that names it, never a
 * silent skip, since skipping would shift the stream's revisions.
 */
export function fromStreamEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (event === undefined) throw new Error('EventStoreDB returned a read result without an event');
  const unreadable = (reason: string) => new UnreadableEventError(event.id, event.streamId, event.revision, reason);
  if (!event.isJson) throw unreadable('is not JSON');
  if (!isJsonObject(event.data)) throw unreadable('has data that is not a JSON object');
  const metadata = event.metadata ?? {};
  if (!isJsonObject(metadata)) throw unreadable('has metadata that is not a JSON object');
  if (event.position === undefined) {
    throw unreadable('came without its log position: the server must be version 22.6 or later');
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: portMetadata(metadata),
    stream: event.streamId,
    revision: fromClientRevision(event.revision),
    position: encodePosition(event.position),
  };
}

/**
 * An event read from $all, or undefined for what readAll and subscriptions skip. The type is
 * checked before anything is decoded, so that a foreign event on a shared server (binary, of
 * another type) is skipped, never an error: system events, resolved links and records without an
 * event always; events of types not asked for; and, when no type was asked for, events this
 * adapter could not have written. An event of a requested type that cannot be read is an error.
 */
export function fromAllEvent(
  resolved: AllStreamResolvedEvent | ResolvedEvent,
  eventTypes?: ReadonlySet<string>,
): RecordedEvent | undefined {
  if (resolved.event === undefined || resolved.link !== undefined) return undefined;
  if (isSystemEvent(resolved.event)) return undefined;
  if (eventTypes !== undefined) return eventTypes.has(resolved.event.type) ? fromStreamEvent(resolved) : undefined;
  try {
    return fromStreamEvent(resolved);
  } catch (error) {
    if (error instanceof UnreadableEventError) return undefined;
    throw error;
  }
}

/** Stream metadata's $tb (truncate before) when a stream is soft-deleted: Int64.MaxValue. */
const SOFT_DELETED_TRUNCATE_BEFORE = 2 ** 63 - 1;

/**
 * What a stream's metadata (the data of the last event of `$$<stream>`) says of its history:
 * soft-deleted, truncated before a revision, or nothing of the kind.
 */
export function truncationOf(metadata: unknown): { readonly softDeleted: true } | { readonly softDeleted: false; readonly before: number } | undefined {
  if (!isJsonObject(metadata)) return undefined;
  const before = metadata['$tb'];
  if (typeof before !== 'number' || !Number.isFinite(before) || before <= 0) return undefined;
  // JSON numbers arrive as doubles: Int64.MaxValue reads as 2^63.
  if (before >= SOFT_DELETED_TRUNCATE_BEFORE) return { softDeleted: true };
  return { softDeleted: false, before };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

// ---------------------------------------------------------------------------------------------
// Server-side filters

/** Every event type but the server's own. */
export const NON_SYSTEM_EVENT_TYPES = '^[^$]';

/** Characters that mean something in a .NET (server) or JavaScript regular expression. */
const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}#\s-]/g;

/**
 * A regular expression (for the server, which evaluates it with .NET) matching exactly the given
 * event types. Special characters are written as \uXXXX, which both dialects read as the literal
 * character. The end is anchored with (?![\s\S]) rather than $, because .NET's $ also matches
 * before a final newline. An empty list matches nothing.
 */
export function eventTypesRegex(eventTypes: readonly string[]): string {
  const unique = [...new Set(eventTypes)].sort();
  if (unique.length === 0) return '(?!)';
  const escaped = unique.map((type) =>
    type.replace(REGEX_SPECIAL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return `^(?:${escaped.join('|')})(?![\\s\\S])`;
}

/** The server-side filter of a subscription: the wanted types, or every non-system event. */
export function subscriptionFilter(
  eventTypes: readonly string[] | undefined,
  checkpointReached: (position: ClientPosition) => Promise<void> | void,
): Filter {
  return eventTypeFilter({
    regex: eventTypes === undefined ? NON_SYSTEM_EVENT_TYPES : eventTypesRegex(eventTypes),
    checkpointReached: (_subscription, position) => checkpointReached(position),
  });
}

// ---------------------------------------------------------------------------------------------
// Connection and errors

/** The scheme and hosts of a connection string, without credentials or options: safe to log. */
export function describeEndpoint(connectionString: string): string {
  const match = /^\s*([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/?]*@)?([^/?]*)/.exec(connectionString);
  if (!match) return 'an EventStoreDB server (unreadable connection string)';
  return `${match[1]}://${match[2]}`;
}

/** The password of a connection string, to keep it out of error messages. */
function connectionStringSecret(connectionString: string): string | undefined {
  const match = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/[^:@/?]*:([^@/?]+)@/.exec(connectionString);
  return match?.[1];
}

/** The connection string could not be parsed by the client. */
export function invalidConnectionString(connectionString: string, cause: unknown): Error {
  const secret = connectionStringSecret(connectionString);
  const detail = errorMessage(cause);
  const safeDetail = secret === undefined ? detail : detail.split(secret).join('***');
  return new Error(
    `Invalid EventStoreDB connection string for ${describeEndpoint(connectionString)}: ${safeDetail} ` +
      '(expected e.g. esdb://localhost:2113?tls=false)',
  );
}

/** An operation that got no answer in time: its outcome is unknown. */
export class OperationTimedOut extends Error {
  override readonly name = 'OperationTimedOut';

  constructor(
    readonly deadlineMs: number,
    readonly note?: string,
  ) {
    super(`no answer within ${deadlineMs} ms`);
  }
}

/** The server ended a subscription that only the client may end. */
export class SubscriptionEnded extends Error {
  override readonly name = 'SubscriptionEnded';

  constructor() {
    super('the server ended the subscription');
  }
}

export interface OperationContext {
  /** What describeEndpoint gives for the connection string. */
  readonly endpoint: string;
  /** The operation in words, e.g. `appendToStream("deal-1")`. */
  readonly operation: string;
  /** The stream of the operation, when it has one. */
  readonly stream?: string;
  /** An append was sent: an answer that is not a refusal leaves its outcome unknown. */
  readonly append?: boolean;
}

/** What an append whose answer never came (or was a timeout) may have done, and what to do. */
export const APPEND_OUTCOME_UNKNOWN =
  'the append may or may not have been stored (the server gives up waiting for its commit after ' +
  'its CommitTimeoutMs, 2 s by default, whatever the client deadline); appending the same events ' +
  '(same ids) with the same expected revision again is safe: the server recognises a write it already holds';

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND;
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isNotLeader(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.NOT_LEADER;
}

// The answers after which a sent append may have been stored: no answer in time (ours or the
// client's deadline, the server's commit timeout: DEADLINE_EXCEEDED from a batch append, ABORTED
// from a single one), a connection lost or cancelled mid-call, or the server's "unknown".
const OUTCOME_UNKNOWN_TYPES: ReadonlySet<string> = new Set([
  ErrorType.TIMEOUT,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.UNKNOWN,
]);
const OUTCOME_UNKNOWN_CODES: ReadonlySet<number> = new Set([1, 2, 4, 10, 14]);

/** Whether an append that failed this way may nevertheless have been stored. */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof OperationTimedOut) return true;
  if (error instanceof Error && isCommandError(error)) return OUTCOME_UNKNOWN_TYPES.has(error.type);
  return isGrpcServiceError(error) && OUTCOME_UNKNOWN_CODES.has(error.code);
}

// gRPC status codes a raw (unconverted) call error may carry.
const GRPC_STATUS: Readonly<Record<number, string>> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  4: 'DEADLINE_EXCEEDED',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  10: 'ABORTED',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

/**
 * Our error for whatever a client call threw. The port's own errors pass through; a server that
 * cannot be reached, does not answer in time or fails on its side becomes EventStoreUnavailableError
 * naming the server and the operation; a request the server refuses as malformed stays a plain Error;
 * anything else (a programming error) is returned unchanged.
 */
export function toEventStoreError(error: unknown, context: OperationContext): Error {
  if (isPortError(error)) return error;
  const appendOutcomeUnknown = context.append === true && isOutcomeUnknown(error);
  const unavailable = (what: string) =>
    new EventStoreUnavailableError(
      `EventStoreDB at ${context.endpoint} ${what}${appendOutcomeUnknown ? `; ${APPEND_OUTCOME_UNKNOWN}` : ''}`,
      { cause: error, appendOutcomeUnknown },
    );

  if (error instanceof OperationTimedOut) {
    return unavailable(`did not answer ${context.operation} within ${error.deadlineMs} ms${error.note ? `; ${error.note}` : ''}`);
  }
  if (error instanceof SubscriptionEnded) return unavailable(`is unavailable: ${error.message} (${context.operation})`);
  if (error instanceof Error && isCommandError(error)) return fromCommandError(error, context, unavailable);
  if (isGrpcServiceError(error)) {
    const status = GRPC_STATUS[error.code] ?? `status ${error.code}`;
    const hint = error.code === 12 ? ' (is this an EventStoreDB gRPC endpoint, with the right tls setting?)' : '';
    return unavailable(`is unavailable: ${context.operation} failed with ${status}: ${error.message}${hint}`);
  }
  if (error instanceof Error && /^Failed to discover/.test(error.message)) {
    return unavailable(`is unavailable: ${context.operation} could not find a cluster node: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(`${context.operation} failed: ${String(error)}`);
}

function fromCommandError(
  error: CommandError,
  context: OperationContext,
  unavailable: (what: string) => EventStoreUnavailableError,
): Error {
  const detail = error.message || error.type;
  switch (error.type) {
    case ErrorType.WRONG_EXPECTED_VERSION: {
      const actual = fromClientCurrentRevision(error.actualVersion);
      if (actual === undefined) {
        return new Error(`${context.operation} failed: the stream is not at the expected revision (${detail})`, {
          cause: error,
        });
      }
      return new WrongExpectedRevisionError(error.streamName, fromClientExpectedRevision(error.expectedVersion) ?? ANY, actual);
    }
    case ErrorType.ACCESS_DENIED:
      return unavailable(
        `refused ${context.operation}: access denied (the connection string's user must be allowed to read and ` +
          'write the streams, and to read $all, which needs an admin)',
      );
    case ErrorType.NOT_LEADER:
      return unavailable(
        `is not the cluster leader (leader: ${error.leader.address}:${error.leader.port}); ${context.operation} ` +
          'can be retried, the client reconnects to the leader',
      );
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      return new AppendTooLargeError(context.stream ?? '', error.maxAppendSize);
    case ErrorType.INVALID_ARGUMENT:
      return new Error(`${context.operation} was refused as invalid: ${detail}`, { cause: error });
    case ErrorType.STREAM_DELETED:
      return new StreamDeletedError(error.streamName || context.stream || '', 'it was deleted (tombstoned) on the server, for good');
    case ErrorType.STREAM_NOT_FOUND:
      return new Error(`${context.operation} failed: stream "${error.streamName}" does not exist`, { cause: error });
    default:
      return unavailable(`is unavailable: ${context.operation} failed: ${detail}`);
  }
}

/** The port's own errors pass through every mapping unchanged. */
function isPortError(error: unknown): error is Error {
  return (
    error instanceof WrongExpectedRevisionError ||
    error instanceof EventStoreUnavailableError ||
    error instanceof AppendTooLargeError ||
    error instanceof StreamDeletedError ||
    error instanceof UnreadableEventError ||
    error instanceof DuplicateEventIdError ||
    error instanceof StreamTruncatedError
  );
}

function isGrpcServiceError(error: unknown): error is Error & { code: number } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
