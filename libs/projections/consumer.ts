import type { AllSubscription, EventStore, SubscriptionMessage } from '#event-store';
import type { ProjectionProcessor } from './processor.js';
import { pause, type ProjectionLogger, type ProjectionRun, type RetryPolicy } from './run.js';

export interface ConsumerHooks {
  /** The projection read everything the log had when it looked: it is live. */
  caughtUp(run: ProjectionRun): void;
  /** Its subscription kept breaking: it stops. */
  failed(run: ProjectionRun, error: unknown): void;
  stopping(): boolean;
}

const IDLE = Symbol('idle');

/**
 * Follows the log for one projection: a catch-up subscription to the events it consumes, from
 * its checkpoint. Whatever the subscription can hand over before the next turn of the event loop
 * is a backlog and goes to the processor as one batch; a live append arrives alone and is applied
 * at once. A broken subscription is opened again from the checkpoint, a few times in a row.
 */
export class ProjectionConsumer {
  constructor(
    private readonly store: EventStore,
    private readonly processor: ProjectionProcessor,
    private readonly logger: ProjectionLogger,
    private readonly retry: RetryPolicy,
    private readonly maxBatchSize: number,
    private readonly hooks: ConsumerHooks,
  ) {}

  /** Follows the log until stopped or failed. */
  async follow(run: ProjectionRun): Promise<void> {
    const { name } = run.projection;
    let failures = 0;
    while (!this.hooks.stopping() && run.status !== 'failed') {
      try {
        run.subscription = this.store.subscribeToAll({
          ...(run.position === null ? {} : { fromPosition: run.position }),
          eventTypes: run.projection.eventTypes,
        });
        await this.consume(run, run.subscription, () => {
          failures = 0;
        });
      } catch (error) {
        // Closing a subscription may end its iteration with an error: not a failure when stopping.
        if (this.hooks.stopping()) break;
        failures += 1;
        if (failures > this.retry.attempts) {
          this.hooks.failed(run, error);
          break;
        }
        this.logger.warn({ projection: name, position: run.position, err: error }, `Projection "${name}" lost its subscription; resubscribing`);
        await pause(this.retry.delayMs(failures));
      } finally {
        await this.close(run);
      }
    }
  }

  /** Ends the projection's subscription, if it has one open. */
  async close(run: ProjectionRun): Promise<void> {
    const subscription = run.subscription;
    if (subscription === undefined) return;
    run.subscription = undefined;
    try {
      await subscription.close();
    } catch (error) {
      this.logger.warn({ projection: run.projection.name, err: error }, 'Closing a subscription failed');
    }
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
