import { randomUUID } from 'node:crypto';
import type { JsonObject, Position, RecordedEvent } from '#event-store';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import type { ProjectableEvent, Projection } from '../projection.js';

/** An event as a spec writes it; ids, revisions and positions are filled in. */
export type SpecEvent<Event extends ProjectableEvent = ProjectableEvent> = Event & {
  readonly metadata?: JsonObject;
  /** Defaults to one stream shared by all the spec's events. */
  readonly stream?: string;
  readonly id?: string;
};

export interface ProjectionScenario<Event extends ProjectableEvent> {
  /** The events under test, applied after the history. */
  when(...events: readonly SpecEvent<Event>[]): ProjectionScenario<Event>;
  /**
   * Applies the events to a fresh in-memory database set up by the projection, runs the query
   * on it and returns its result.
   */
  then<Result>(query: (db: SqliteDatabase) => Result): Result;
}

export interface ProjectionSpec<Event extends ProjectableEvent> {
  given(...events: readonly SpecEvent<Event>[]): ProjectionScenario<Event>;
}

const SPEC_STREAM = 'spec-stream';

/**
 * Given/when/then for a projection:
 * `projectionSpec(dealsProjection).given(opened).when(won).then((db) => db.prepare(...).get())`.
 * Events of types the projection does not consume are skipped, as the store's filter would.
 */
export function projectionSpec<Event extends ProjectableEvent = ProjectableEvent>(projection: Projection): ProjectionSpec<Event> {
  const scenario = (events: readonly SpecEvent<Event>[]): ProjectionScenario<Event> => ({
    when: (...more) => scenario([...events, ...more]),
    then: (query) => {
      const db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
      try {
        projection.setup(db);
        const consumed = new Set(projection.eventTypes);
        db.transaction(() => {
          for (const event of record(events)) {
            if (consumed.has(event.type)) projection.handle(event, db);
          }
        })();
        return query(db);
      } finally {
        db.close();
      }
    },
  });
  return { given: (...events) => scenario(events) };
}

/** Numbers events as a fresh log would: positions 1, 2, 3, ... and revisions from 0 per stream. */
export function record(events: readonly SpecEvent[]): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const stream = event.stream ?? SPEC_STREAM;
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    return {
      id: event.id ?? randomUUID(),
      type: event.type,
      data: event.data as JsonObject,
      metadata: event.metadata ?? {},
      stream,
      revision,
      position: String(index + 1) as Position,
    };
  });
}
