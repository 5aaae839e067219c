import type { AllSubscription, Position, RecordedEvent } from '#event-store';
import type { ProjectionStatus } from './checkpoints.js';
import type { Projection } from './projection.js';

/** pino's call shape, so the service's logger fits as it is. */
export interface ProjectionLogger {
  debug(object: object, message: string): void;
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface RetryPolicy {
  /**
   * How many times an event that broke its batch is tried on its own before the projection is
   * failed; also how many consecutive subscription errors are survived.
   */
  readonly attempts: number;
  /** Pause in ms before retry number `retry` (1 for the first). */
  readonly delayMs: (retry: number) => number;
}

/** One projection as the runner drives it: where it stands, and its subscription while it follows the log. */
export interface ProjectionRun {
  readonly projection: Projection;
  /** Position of the last event applied or skipped; null before the first. */
  position: Position | null;
  status: ProjectionStatus;
  error: string | undefined;
  subscription: AllSubscription | undefined;
  loop: Promise<void> | undefined;
}

export function describeEvent(event: RecordedEvent): string {
  return `${event.type} ${event.stream}@${event.revision} (position ${event.position}, id ${event.id})`;
}

export function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
