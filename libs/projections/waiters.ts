import type { Position } from '#event-store';
import { ProjectionFailedError, ProjectionLagError } from './errors.js';
import type { ProjectionRun } from './run.js';

/** A projection, and the position it must have applied the log up to. */
export interface WaitTarget {
  readonly run: ProjectionRun;
  readonly position: Position;
}

interface Waiter {
  readonly targets: readonly WaitTarget[];
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Read-your-writes: callers waiting until some projections have applied the log up to given
 * positions. Checked after every commit and failure; a waiter whose projection failed is
 * rejected at once (it would never get there), one that is not there in time is rejected with
 * the projections still behind.
 */
export class Waiters {
  private readonly waiting = new Set<Waiter>();

  constructor(private readonly comparePositions: (a: Position, b: Position) => number) {}

  wait(targets: readonly WaitTarget[], timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { targets, resolve, reject };
      if (this.check(waiter)) return;
      // setTimeout would read Infinity as 1 ms.
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => this.settle(waiter, this.lag(waiter, `not within ${timeoutMs} ms`)), timeoutMs);
      }
      this.waiting.add(waiter);
    });
  }

  /** Settles every waiter that can be settled now. */
  checkAll(): void {
    for (const waiter of this.waiting) this.check(waiter);
  }

  /** Rejects every waiter: the runner stopped, so no position will be reached any more. */
  rejectAll(reason: string): void {
    for (const waiter of this.waiting) this.settle(waiter, this.lag(waiter, reason));
  }

  /** Settles the waiter when it can be; true when it was. */
  private check(waiter: Waiter): boolean {
    const failed = waiter.targets.find(({ run }) => run.status === 'failed');
    if (failed) {
      this.settle(waiter, new ProjectionFailedError(failed.run.projection.name, failed.run.error ?? 'unknown error'));
      return true;
    }
    try {
      if (!waiter.targets.every((target) => this.reached(target))) return false;
    } catch (error) {
      this.settle(waiter, error instanceof Error ? error : new Error(String(error)));
      return true;
    }
    this.settle(waiter, undefined);
    return true;
  }

  private reached({ run, position }: WaitTarget): boolean {
    return run.position !== null && this.comparePositions(run.position, position) >= 0;
  }

  private lag(waiter: Waiter, reason: string): ProjectionLagError {
    const behind = waiter.targets.filter((target) => !this.reached(target));
    const furthest = waiter.targets.reduce((max, target) => (this.comparePositions(target.position, max) > 0 ? target.position : max), waiter.targets[0]!.position);
    return new ProjectionLagError(
      furthest,
      behind.map(({ run }) => ({ name: run.projection.name, position: run.position })),
      reason,
    );
  }

  private settle(waiter: Waiter, error: Error | undefined): void {
    clearTimeout(waiter.timer);
    this.waiting.delete(waiter);
    if (error === undefined) waiter.resolve();
    else waiter.reject(error);
  }
}
