import type { EventStore, Position } from '#event-store';
import type { ProjectionRunner, ProjectionState } from '#projections';

export interface ProjectionLag extends ProjectionState {
  /**
   * How far behind the head of the log it is: events for SQLite (positions count events), log
   * bytes for EventStoreDB (positions are commit positions); null before its first event.
   */
  readonly lag: number | null;
}

/** Every projection with its distance from the head, as read now. */
export function projectionLags(projections: ProjectionRunner, head: Position | null): ProjectionLag[] {
  return projections.status().map((state) => ({ ...state, lag: distance(head, state.position) }));
}

/** The head of the log, or the store's refusal within `timeoutMs`, so a stalled store cannot hang a probe. */
export async function headWithin(store: EventStore, timeoutMs: number): Promise<Position | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      store.headPosition(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the event store did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function distance(head: Position | null, position: Position | null): number | null {
  if (head === null) return 0;
  const headNumber = asNumber(head);
  if (headNumber === undefined) return null;
  const at = position === null ? 0 : asNumber(position);
  return at === undefined ? null : Math.max(0, headNumber - at);
}

const asNumber = (position: Position): number | undefined => (/^\d+$/.test(String(position)) ? Number(position) : undefined);
