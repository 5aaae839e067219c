import type { JsonObject, Position, RecordedEvent } from '#event-store';
import type { SqliteDatabase } from '#sqlite';

/**
 * A read model fed from the log. Its handler is synchronous, like better-sqlite3 itself, so the
 * runner can write the handler's rows and the projection's checkpoint in one transaction.
 */
export interface Projection {
  /** Unique among the service's projections; keys its checkpoint. */
  readonly name: string;
  /** Changing it rebuilds the read model from the start of the log. */
  readonly version: number;
  /** The only event types the handler receives; the store filters on them. */
  readonly eventTypes: readonly string[];
  /** Creates the tables and indexes the projection writes. Runs at every start: idempotent. */
  setup(db: SqliteDatabase): void;
  /**
   * Removes everything setup created, whether or not it exists (DROP ... IF EXISTS), so that a
   * new version starts from empty tables of its own schema. Setup runs right after.
   */
  reset(db: SqliteDatabase): void;
  /** Applies one event. Must only write to `db`: a rolled-back batch is applied again. */
  handle(event: RecordedEvent, db: SqliteDatabase): void;
}

/** The domain's view of an event: plain type and data, as the deciders produce them. */
export interface ProjectableEvent {
  readonly type: string;
  readonly data: object;
}

/** A domain event as the log recorded it. */
export type Recorded<Event extends ProjectableEvent> = Event & {
  readonly id: string;
  readonly metadata: JsonObject;
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
};

/** One handler per consumed event type, each receiving its own event shape. */
export type ProjectionHandlers<Event extends ProjectableEvent> = {
  readonly [Type in Event['type']]: (event: Recorded<Extract<Event, { readonly type: Type }>>, db: SqliteDatabase) => void;
};

export interface ProjectionDefinition<Event extends ProjectableEvent> {
  readonly name: string;
  readonly version: number;
  /** The tables setup creates: the default reset drops them. */
  readonly tables: readonly string[];
  readonly setup: (db: SqliteDatabase) => void;
  readonly reset?: (db: SqliteDatabase) => void;
  /** Its keys are the projection's event types. */
  readonly handlers: ProjectionHandlers<Event>;
}

/**
 * Builds a projection from one handler per event type, so that what it consumes is written
 * down once: `defineProjection<DealOpened | DealWon>({ ..., handlers: { DealOpened, DealWon } })`.
 */
export function defineProjection<Event extends ProjectableEvent>(definition: ProjectionDefinition<Event>): Projection {
  const handlers = definition.handlers as unknown as Readonly<Record<string, (event: RecordedEvent, db: SqliteDatabase) => void>>;
  const eventTypes = Object.keys(handlers);
  if (eventTypes.length === 0) throw new Error(`Projection "${definition.name}" handles no event type`);
  const dropTables = (db: SqliteDatabase): void => {
    for (const table of definition.tables) db.prepare(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`).run();
  };
  return {
    name: definition.name,
    version: definition.version,
    eventTypes,
    setup: definition.setup,
    reset: definition.reset ?? dropTables,
    handle(event, db) {
      // The store filters by type, so a miss means the store and this projection disagree.
      const handler = Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined;
      if (handler === undefined) throw new Error(`Projection "${definition.name}" has no handler for ${event.type}`);
      handler(event, db);
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
