import type { Position, RecordedEvent, SubscriptionMessage } from '#event-store';
import type { SqliteDatabase } from '#sqlite';
import type { CheckpointTable } from './checkpoints.js';
import { pause, type ProjectionRun, type RetryPolicy } from './run.js';

type Attempt =
  | { readonly ok: true; readonly position: Position | null; readonly events: readonly RecordedEvent[] }
  | { readonly ok: false; readonly error: unknown; readonly message: SubscriptionMessage | undefined };

export interface ProcessorHooks {
  /** After a transaction committed: the projection's new position and the events whose rows it wrote. */
  committed(run: ProjectionRun, position: Position | null, events: readonly RecordedEvent[]): void;
  /** An event (or the checkpoint write) kept failing: the projection stops there. */
  failed(run: ProjectionRun, error: unknown, message: SubscriptionMessage | undefined): void;
  /** Whether the runner is stopping (a retry pause is cut short). */
  stopping(): boolean;
}

/**
 * Applies what a projection's subscription delivered: a batch in one transaction together with
 * the projection's checkpoint, so a crash never applies an event twice nor skips one. When an
 * event throws, the batch is rolled back and applied again one message at a time, each event with
 * a few tries of its own, so a fault that passes does not stop the projection and one that stays
 * is pinned to its event.
 */
export class ProjectionProcessor {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly checkpoints: CheckpointTable,
    private readonly comparePositions: (a: Position, b: Position) => number,
    private readonly retry: RetryPolicy,
    private readonly hooks: ProcessorHooks,
  ) {}

  /** Returns false when the projection failed (or the runner stopped during a retry pause). */
  async process(run: ProjectionRun, messages: readonly SubscriptionMessage[]): Promise<boolean> {
    const batch = this.tryApply(run, messages);
    if (batch.ok) {
      this.hooks.committed(run, batch.position, batch.events);
      return true;
    }
    for (const message of messages) {
      for (let tries = 1; ; tries++) {
        const single = this.tryApply(run, [message]);
        if (single.ok) {
          this.hooks.committed(run, single.position, single.events);
          break;
        }
        if (tries >= this.retry.attempts) {
          this.hooks.failed(run, single.error, single.message);
          return false;
        }
        await pause(this.retry.delayMs(tries));
        if (this.hooks.stopping()) return false;
      }
    }
    return true;
  }

  private tryApply(run: ProjectionRun, messages: readonly SubscriptionMessage[]): Attempt {
    const { projection } = run;
    let current: SubscriptionMessage | undefined;
    try {
      return this.db.transaction((): Attempt => {
        let position = run.position;
        const events: RecordedEvent[] = [];
        for (const message of messages) {
          current = message;
          const at = message.kind === 'event' ? message.event.position : message.position;
          // A store may deliver again what it already delivered (after a resubscription):
          // the checkpoint says it is in the rows already.
          if (position !== null && this.comparePositions(at, position) <= 0) continue;
          if (message.kind === 'event') {
            projection.handle(message.event, this.db);
            events.push(message.event);
          }
          position = at;
        }
        current = undefined;
        if (position !== null && position !== run.position) {
          this.checkpoints.advance(projection.name, position, run.status);
        }
        return { ok: true, position, events };
      })();
    } catch (error) {
      return { ok: false, error, message: current };
    }
  }
}
