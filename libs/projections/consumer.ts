import { EventStoreUnavailableError, type AllSubscription, type EventStore, type SubscriptionMessage } from '#event-store';
import type { ProjectionProcessor } from './processor.js';
import type { ProjectionLogger, ProjectionRun, ReconnectDelay, RetryPolicy } from './run.js';

export interface ConsumerHooks {
  /** The projection read everything the log had when it looked: it is live. */
  caughtUp(run: ProjectionRun): void;
  /** Its subscription kept breaking: it stops. */
  failed(run: ProjectionRun, error: unknown): void;
  /** The store cannot be reached: the projection waits for it. */
  unavailable(run: ProjectionRun, error: EventStoreUnavailableError): void;
  /** The store answered again after being unavailable: the projection goes on. */
  available(run: ProjectionRun): void;
  stopping(): boolean;
}

const IDLE = Symbol('idle');

/**
 * Follows the log for one projection: a catch-up subscription to the events it consumes, from
 * its checkpoint. Whatever the subscription can hand over before the next turn of the event loop
 * is a backlog and goes to the processor as one batch; a live append arrives alone and is applied
 * at once. A subscription that breaks for another reason than the store being unavailable is
 * opened again from the checkpoint a few times in a row, then the projection fails; while the
 * store is unavailable (a server restart, an election), the projection waits for it as long as it
 * takes, resubscribing after pauses that grow up to a cap.
 */
export class ProjectionConsumer {
  /** What ends the pause each projection is in, so that stopping does not wait for it. */
  private readonly pauses = new Map<ProjectionRun, () => void>();

  constructor(
    private readonly store: EventStore,
    private readonly processor: ProjectionProcessor,
    private readonly logger: ProjectionLogger,
    private readonly retry: RetryPolicy,
    private readonly reconnectDelayMs: ReconnectDelay,
    private readonly maxBatchSize: number,
    private readonly hooks: ConsumerHooks,
  ) {}

  /** Follows the log until stopped or failed. */
  async follow(run: ProjectionRun): Promise<void> {
    const { name } = run.projection;
    let failures = 0;
    let outage = 0;
    while (!this.hooks.stopping() && run.status !== 'failed') {
      try {
        run.subscription = this.store.subscribeToAll({
          ...(run.position === null ? {} : { fromPosition: run.position }),
          eventTypes: run.projection.eventTypes,
        });
        await this.consume(run, run.subscription, () => {
          failures = 0;
          if (outage === 0) return;
          outage = 0;
          this.hooks.available(run);
        });
      } catch (error) {
        // Closing a subscription may end its iteration with an error: not a failure when stopping.
        if (this.hooks.stopping()) break;
        if (error instanceof EventStoreUnavailableError) {
          outage += 1;
          if (outage === 1) this.hooks.unavailable(run, error);
          await this.pause(run, this.reconnectDelayMs(outage));
          continue;
        }
        failures += 1;
        if (failures > this.retry.attempts) {
          this.hooks.failed(run, error);
          break;
        }
        this.logger.warn({ projection: name, position: run.position, err: error }, `Projection "${name}" lost its subscription; resubscribing`);
        await this.pause(run, this.retry.delayMs(failures));
      } finally {
        await this.close(run);
      }
    }
  }

  /** Ends the projection's subscription, if it has one open, and the pause it may be in. */
  async close(run: ProjectionRun): Promise<void> {
    this.pauses.get(run)?.();
    const subscription = run.subscription;
    if (subscription === undefined) return;
    run.subscription = undefined;
    try {
      await subscription.close();
    } catch (error) {
      this.logger.warn({ projection: run.projection.name, err: error }, 'Closing a subscription failed');
    }
  }

  /** Waits `ms` (at least until the next turn of the event loop), or until the projection is closed. */
  private async pause(run: ProjectionRun, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, ms));
      this.pauses.set(run, resolve);
    });
    clearTimeout(timer);
    this.pauses.delete(run);
  }

  private async consume(run: ProjectionRun, subscription: AllSubscription, onProgress: () => void): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
    for (;;) {
      const waiting = pending ?? iterator.next();
      pending = undefined;
      let first = await Promise.race([waiting, nextMacrotask()]);
      if (first === IDLE) {
        this.hooks.caughtUp(run);
        first = await waiting;
      }
      if (this.hooks.stopping()) return;
      if (first.done) throw new Error('The subscription ended');

      const batch = [first.value];
      const idle = nextMacrotask();
      let caughtUp = false;
      while (batch.length < this.maxBatchSize) {
        const next = iterator.next();
        const result = await Promise.race([next, idle]);
        if (result === IDLE || result.done) {
          pending = next;
          caughtUp = result === IDLE;
          break;
        }
        batch.push(result.value);
      }
      if (this.hooks.stopping()) return;
      if (!(await this.processor.process(run, batch))) return;
      onProgress();
      if (caughtUp) this.hooks.caughtUp(run);
      // A backlog hands over batch after batch in microtasks alone: let requests and the other
      // projections have their turn before the next one, or catching up starves the service.
      else await nextMacrotask();
    }
  }
}

function nextMacrotask(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(resolve, IDLE));
}
