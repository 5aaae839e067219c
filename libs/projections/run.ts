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

/**
 * Pause in ms before resubscribing for the `attempt`th time in a row to a store that is
 * unavailable. There is no last attempt: an election or a server restart lasts as long as it lasts.
 */
export type ReconnectDelay = (attempt: number) => number;

/** Doubles from 100 ms up to 5 s: a restart is noticed within seconds, and an outage costs little. */
export const cappedBackoff: ReconnectDelay = (attempt) => Math.min(100 * 2 ** Math.min(attempt - 1, 16), 5_000);

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
