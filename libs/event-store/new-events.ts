import { DuplicateEventIdError } from './errors.js';
import type { JsonObject, NewEvent } from './event.js';

// What every adapter checks before an append, so that all of them accept and refuse the same
// events as EventStoreDB does.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * EventStoreDB's default maximum append size (its MaxAppendSize option), which the local logs
 * apply too. The server counts the bytes of the events' data only.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;

/** Names starting with `$` belong to the store itself (EventStoreDB's system streams and events). */
export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}

/** The id as stores keep it: a UUID in lower case. Refuses anything else, and the nil UUID. */
export function normalizeEventId(id: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new TypeError(`Event id "${String(id).slice(0, 100)}" is not a UUID (8-4-4-4-12 hexadecimal digits)`);
  }
  const normalized = id.toLowerCase();
  if (normalized === NIL_UUID) throw new TypeError('Event id must not be the nil UUID');
  return normalized;
}

/**
 * The events of an append as a store keeps them (ids in lower case), after the checks every
 * adapter makes: a usable stream name and types, UUID ids appearing once, JSON objects, and no
 * metadata key of the store's own (EventStoreDB's `$correlationId`, `$causationId`, ...).
 */
export function checkedNewEvents(stream: string, events: readonly NewEvent[]): NewEvent[] {
  if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('A stream name must not be empty');
  if (isSystemName(stream)) throw new TypeError(`Stream "${stream}" is reserved for the store (it starts with $)`);
  const seen = new Set<string>();
  return events.map((event) => {
    const id = normalizeEventId(event.id);
    if (seen.has(id)) throw new DuplicateEventIdError(stream, id, 'it appears twice in one append');
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`Event ${id} has no type`);
    if (isSystemName(event.type)) throw new TypeError(`Event type "${event.type}" is reserved for the store (it starts with $)`);
    checkJsonObject(event.data, `Event ${id} data`);
    checkJsonObject(event.metadata, `Event ${id} metadata`);
    const reserved = Object.keys(event.metadata).find(isSystemName);
    if (reserved !== undefined) throw new TypeError(`Event ${id} metadata key "${reserved}" is reserved for the store (it starts with $)`);
    return id === event.id ? event : { ...event, id };
  });
}

/** The bytes of the events' data as JSON, which is what EventStoreDB holds against its limit. */
export function appendDataBytes(events: readonly NewEvent[]): number {
  return events.reduce((total, event) => total + Buffer.byteLength(JSON.stringify(event.data), 'utf8'), 0);
}

function checkJsonObject(value: JsonObject, what: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${what} must be a JSON object`);
}
