import { AppendTooLargeError, DuplicateEventIdError, UnreadableEventError, WrongExpectedRevisionError } from './errors.js';
import type { JsonObject, NewEvent, Position, RecordedEvent } from './event.js';
import type { AppendResult } from './event-store.js';
import { ANY, NO_STREAM, STREAM_EXISTS, satisfiesExpectedRevision, type ExpectedRevision, type StreamRevision } from './expected-revision.js';
import { appendDataBytes, checkedNewEvents, isSystemName, MAX_APPEND_BYTES } from './new-events.js';

// What the adapters whose log lives in this process (in memory, or an embedded file) share: one
// row format, one append algorithm and one way to read rows back. Positions are 1, 2, 3, ...

/** An event as a local log stores it: data and metadata as the JSON text they were written as. */
export interface StoredEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** What the append algorithm needs of a log, inside whatever makes the append atomic. */
export interface LocalAppendTarget {
  /** The revision of the stream's last event, or NO_STREAM. */
  currentRevision(stream: string): StreamRevision;
  eventAt(stream: string, revision: number): StoredEvent | undefined;
  eventById(id: string): StoredEvent | undefined;
  /** The position of the last event of the log, 0 when it is empty. */
  lastPosition(): number;
  insert(events: readonly StoredEvent[]): void;
}

export interface LocalAppendLimits {
  /** Most bytes of event data in one append; EventStoreDB's default when absent. */
  readonly maxAppendBytes?: number;
}

export function toPosition(sequence: number): Position {
  return String(sequence) as Position;
}

export function positionToNumber(position: Position): number {
  const value = Number(position);
  if (!/^(0|[1-9][0-9]*)$/.test(position) || !Number.isSafeInteger(value)) throw new Error(`Not a position of this store: "${position}"`);
  return value;
}

/**
 * Appends to a local log as EventStoreDB decides an append, with its idempotency by event id:
 *
 * - With an exact expected revision (or NO_STREAM) behind the stream: when the events right
 *   after it are this batch, the append is a retry and returns their result; when only the first
 *   ones are, a DuplicateEventIdError; otherwise a WrongExpectedRevisionError.
 * - With ANY or STREAM_EXISTS: when the stream holds every id of the batch, a retry; some of them,
 *   a DuplicateEventIdError (EventStoreDB remembers ids for this only in a bounded cache; a local
 *   log never forgets).
 * - Then the expected revision must hold, and no id may be held anywhere in the log (where
 *   EventStoreDB, which keeps no index by id, would store the event a second time).
 */
export function appendToLocalLog(
  target: LocalAppendTarget,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  limits: LocalAppendLimits = {},
): AppendResult {
  const batch = checkedNewEvents(stream, events);
  const limit = limits.maxAppendBytes ?? MAX_APPEND_BYTES;
  const bytes = appendDataBytes(batch);
  if (bytes > limit) throw new AppendTooLargeError(stream, limit, bytes);
  const actual = target.currentRevision(stream);

  if (batch.length === 0) {
    if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
    if (actual === NO_STREAM) throw new Error(`Appending no events to "${stream}", which does not exist`);
    return { nextExpectedRevision: actual, position: toPosition(target.eventAt(stream, actual)!.position), positions: [] };
  }

  const retry = expected === ANY || expected === STREAM_EXISTS ? retryAnywhere(target, stream, batch) : retryAfter(target, stream, batch, expected, actual);
  if (retry !== undefined) return retry;

  if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
  for (const event of batch) {
    const holder = target.eventById(event.id);
    if (holder !== undefined) {
      const where = holder.stream === stream ? `this stream already holds it at revision ${holder.revision}` : `stream "${holder.stream}" already holds it`;
      throw new DuplicateEventIdError(stream, event.id, where);
    }
  }

  const firstRevision = actual === NO_STREAM ? 0 : actual + 1;
  const firstPosition = target.lastPosition() + 1;
  const rows = batch.map(
    (event, index): StoredEvent => ({
      position: firstPosition + index,
      stream,
      revision: firstRevision + index,
      id: event.id,
      type: event.type,
      data: toJson(event.data),
      metadata: toJson(event.metadata),
    }),
  );
  target.insert(rows);
  return resultOf(rows);
}

function retryAfter(
  target: LocalAppendTarget,
  stream: string,
  batch: readonly NewEvent[],
  expected: number | typeof NO_STREAM,
  actual: StreamRevision,
): AppendResult | undefined {
  const after = expected === NO_STREAM ? -1 : expected;
  if (actual === NO_STREAM || after >= actual) return undefined;
  const stored = batch.map((_, index) => target.eventAt(stream, after + 1 + index));
  if (stored[0]?.id !== batch[0]!.id) return undefined;
  const missing = batch.findIndex((event, index) => stored[index]?.id !== event.id);
  if (missing >= 0) {
    throw new DuplicateEventIdError(stream, batch[missing]!.id, 'the events before it in this append are already stored, and it is not');
  }
  return resultOf(stored as StoredEvent[]);
}

function retryAnywhere(target: LocalAppendTarget, stream: string, batch: readonly NewEvent[]): AppendResult | undefined {
  const stored = batch.map((event) => target.eventById(event.id));
  if (stored.every((hit) => hit === undefined)) return undefined;
  stored.forEach((hit, index) => {
    const id = batch[index]!.id;
    if (hit === undefined) throw new DuplicateEventIdError(stream, id, 'the other events of this append are already stored');
    if (hit.stream !== stream) throw new DuplicateEventIdError(stream, id, `stream "${hit.stream}" already holds it`);
  });
  return resultOf(stored as StoredEvent[]);
}

function resultOf(rows: readonly StoredEvent[]): AppendResult {
  const last = rows.reduce((latest, row) => (row.revision > latest.revision ? row : latest));
  return { nextExpectedRevision: last.revision, position: toPosition(last.position), positions: rows.map((row) => toPosition(row.position)) };
}

function toJson(value: JsonObject): string {
  return JSON.stringify(value);
}

/** A stored event as the port's event; refuses one this port could not have written, naming it. */
export function decodeStoredEvent(row: StoredEvent): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: parseObject(row, row.data, 'data'),
    metadata: parseObject(row, row.metadata, 'metadata'),
    stream: row.stream,
    revision: row.revision,
    position: toPosition(row.position),
  };
}

/**
 * A row read from the whole log, or undefined for what readAll and subscriptions skip: the
 * store's own events and, when no type was asked for, events this port could not have written.
 * A row of a requested type that cannot be read is an error.
 */
export function decodeLogEvent(row: StoredEvent, eventTypes: ReadonlySet<string> | undefined): RecordedEvent | undefined {
  if (isSystemName(row.type) || isSystemName(row.stream)) return undefined;
  if (eventTypes !== undefined) return eventTypes.has(row.type) ? decodeStoredEvent(row) : undefined;
  try {
    return decodeStoredEvent(row);
  } catch (error) {
    if (error instanceof UnreadableEventError) return undefined;
    throw error;
  }
}

function parseObject(row: StoredEvent, text: string, field: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnreadableEventError(row.id, row.stream, row.revision, `has ${field} that is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnreadableEventError(row.id, row.stream, row.revision, `has ${field} that is not a JSON object`);
  }
  return value as JsonObject;
}
