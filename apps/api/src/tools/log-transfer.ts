import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { NO_STREAM, type EventStore, type JsonObject, type NewEvent, type Position } from '#event-store';

/** One line of an export: an event as the log holds it, without its position (the target assigns its own). */
export interface ExportedEvent {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

const PAGE = 5_000;

/** Writes the whole log, oldest first, one JSON object a line, to `file`; returns how many events. */
export async function exportLog(store: EventStore, file: string, onProgress?: (events: number) => void): Promise<number> {
  const output = createWriteStream(file, { encoding: 'utf8', flags: 'wx' });
  let after: Position | undefined;
  let count = 0;
  try {
    for (;;) {
      const page = await store.readAll({ ...(after === undefined ? {} : { fromPosition: after }), maxCount: PAGE });
      if (page.length === 0) break;
      for (const { stream, revision, id, type, data, metadata } of page) {
        const line: ExportedEvent = { stream, revision, id, type, data, metadata };
        if (!output.write(`${JSON.stringify(line)}\n`)) await once(output, 'drain');
      }
      count += page.length;
      after = page[page.length - 1]!.position;
      onProgress?.(count);
    }
  } finally {
    output.end();
    await once(output, 'close');
  }
  return count;
}

/**
 * Appends an export into an empty store, in its order, each stream's consecutive events in one
 * append at the revision the export gives (so a gap or a reordering is refused, not papered
 * over). Event ids are kept; positions are the target's own.
 */
export async function importLog(store: EventStore, file: string, onProgress?: (events: number) => void): Promise<number> {
  if ((await store.headPosition()) !== null) {
    throw new Error('The target event store is not empty: import into a new DATA_DIR (or an empty EventStoreDB) so that no history mixes with another');
  }
  let pending: { stream: string; first: number; events: NewEvent[] } | undefined;
  let count = 0;
  const flush = async () => {
    if (pending === undefined) return;
    await store.appendToStream(pending.stream, pending.events, { expectedRevision: pending.first === 0 ? NO_STREAM : pending.first - 1 });
    count += pending.events.length;
    onProgress?.(count);
    pending = undefined;
  };
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const event = parseLine(line, lineNumber);
    const continues = pending !== undefined && pending.stream === event.stream && pending.first + pending.events.length === event.revision;
    if (!continues || pending!.events.length >= PAGE) await flush();
    pending ??= { stream: event.stream, first: event.revision, events: [] };
    pending.events.push({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
  }
  await flush();
  return count;
}

function parseLine(line: string, lineNumber: number): ExportedEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`Line ${lineNumber} is not JSON: an export has one event a line`);
  }
  const event = value as Partial<ExportedEvent>;
  const isObject = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (
    typeof event.stream !== 'string' ||
    !Number.isSafeInteger(event.revision) ||
    (event.revision as number) < 0 ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    !isObject(event.data) ||
    !isObject(event.metadata)
  ) {
    throw new Error(`Line ${lineNumber} is not an exported event: it needs stream, revision, id, type, data and metadata`);
  }
  return event as ExportedEvent;
}
