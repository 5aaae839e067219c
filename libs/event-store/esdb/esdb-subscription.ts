import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { AllSubscription, SubscriptionMessage } from '../event-store.js';
import {
  OperationTimedOut,
  SubscriptionEnded,
  compareClientPositions,
  encodePosition,
  fromAllEvent,
  type ClientPosition,
} from './esdb-mapping.js';

/** What the subscription needs of the client's: a readable of resolved events it can cancel. */
export type SubscriptionSource = Pick<
  AllStreamSubscription,
  'on' | 'pause' | 'resume' | 'isPaused' | 'readableLength' | 'unsubscribe' | 'destroy'
>;

/**
 * Opens the client's subscription. `onCheckpoint` must be given to the server-side filter's
 * checkpointReached, which the client awaits before it reads on.
 */
export type OpenSubscription = (onCheckpoint: (position: ClientPosition) => Promise<void>) => SubscriptionSource;

export interface EsdbSubscriptionOptions {
  /** Messages at or before this position are not delivered (the port's fromPosition is exclusive). */
  readonly after?: ClientPosition | undefined;
  /** Only these event types, checked again here whatever the server-side filter let through. */
  readonly eventTypes?: readonly string[] | undefined;
  /**
   * The head of $all read before the subscription was opened. When the server says the
   * subscription caught up, everything up to it has been delivered: a checkpoint there tells a
   * filtered consumer so, though the server's own checkpoint stops at the last event it sent.
   */
  readonly headBeforeOpening?: ClientPosition | undefined;
  /** Our error for what the client's subscription emits. */
  readonly toError: (error: unknown) => Error;
  /** Messages held for a slow consumer before the client's stream is paused. */
  readonly highWaterMark?: number;
  /** How long the server may take to confirm the subscription before it fails as unanswered. */
  readonly confirmationTimeoutMs?: number;
  /** How long close() waits for the server to acknowledge the cancellation. */
  readonly closeTimeoutMs?: number;
  /** Called once when the subscription is closed. */
  readonly onClose?: () => void;
}

const DEFAULT_HIGH_WATER_MARK = 256;

/**
 * The client's catch-up subscription to $all as an AllSubscription.
 *
 * The client hands events over as a readable stream but checkpoints through a callback, and calls
 * that callback while events it already read may still wait in the stream's buffer. A checkpoint
 * delivered before those events would let a consumer record progress past events it has not seen,
 * so the callback holds the client (which awaits it) until the buffer is empty: events and
 * checkpoints then reach the consumer in log order. Positions only move forward: an event or a
 * checkpoint that is not after the last message delivered (or the starting position) is dropped.
 *
 * The server (23.10 and later) says when the subscription has caught up; the client reports it as
 * a `caughtUp` event, without holding its stream for it. The events it read before are counted,
 * and once they are handed over the subscription yields a checkpoint at the head read before it
 * was opened (or at its last message, when that is later), as the local stores do when a read
 * reaches the head.
 */
export class EsdbSubscription implements AllSubscription {
  private readonly queue: SubscriptionMessage[] = [];
  private readonly eventTypes: ReadonlySet<string> | undefined;
  /** Events still in the client's buffer that came before its caughtUp; undefined when none is due. */
  private caughtUpAfter: number | undefined;
  private readonly highWaterMark: number;
  private readonly source: SubscriptionSource;
  private last: ClientPosition | undefined;
  private failure: Error | undefined;
  private ended = false;
  private closed = false;
  private iterating = false;
  private wakeConsumer: (() => void) | undefined;
  private bufferDrained: Array<() => void> = [];
  private confirmationTimer: NodeJS.Timeout | undefined;

  constructor(
    open: OpenSubscription,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    this.last = options.after;
    this.eventTypes = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
    this.highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    this.source = open((position) => this.onCheckpoint(position));
    if (options.confirmationTimeoutMs !== undefined) {
      const timeoutMs = options.confirmationTimeoutMs;
      this.confirmationTimer = setTimeout(() => this.fail(this.options.toError(new OperationTimedOut(timeoutMs))), timeoutMs);
      this.source.on('confirmation', () => this.confirmed());
    }
    this.source.on('data', (resolved: AllStreamResolvedEvent) => this.onEvent(resolved));
    this.source.on('caughtUp', () => this.onCaughtUp());
    this.source.on('error', (error: Error) => this.fail(this.options.toError(error)));
    this.source.on('end', () => this.onEnd());
    this.source.on('close', () => this.onEnd());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.confirmed();
    this.releaseCheckpoints();
    this.wake();
    this.options.onClose?.();
    await this.stopSource();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.iterating) throw new Error('An EventStoreDB subscription can be iterated only once');
    this.iterating = true;
    for (;;) {
      if (this.closed) return;
      const message = this.queue.shift();
      if (message !== undefined) {
        if (this.source.isPaused() && this.queue.length <= this.highWaterMark / 2) this.source.resume();
        yield message;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) throw this.options.toError(new SubscriptionEnded());
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve;
      });
      this.wakeConsumer = undefined;
    }
  }

  private onEvent(resolved: AllStreamResolvedEvent): void {
    this.confirmed();
    if (this.closed || this.failure !== undefined) return;
    try {
      const position = resolved.event?.position;
      if (position !== undefined && this.isAfterLast(position)) {
        const event = fromAllEvent(resolved, this.eventTypes);
        if (event !== undefined) {
          this.last = position;
          this.queue.push({ kind: 'event', event });
          this.wake();
        }
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.caughtUpAfter !== undefined && --this.caughtUpAfter <= 0) this.deliverCaughtUp();
    if (this.source.readableLength === 0) this.releaseCheckpoints();
    if (this.queue.length >= this.highWaterMark) this.source.pause();
  }

  private onCaughtUp(): void {
    this.confirmed();
    if (this.closed || this.failure !== undefined) return;
    // What the client read before the caughtUp message still waits in its buffer.
    const buffered = this.source.readableLength;
    if (buffered === 0) this.deliverCaughtUp();
    else this.caughtUpAfter = buffered;
  }

  private deliverCaughtUp(): void {
    this.caughtUpAfter = undefined;
    const head = this.options.headBeforeOpening;
    if (head === undefined) return;
    const position = this.last !== undefined && compareClientPositions(this.last, head) > 0 ? this.last : head;
    this.last = position;
    this.enqueueCheckpoint(position);
  }

  private async onCheckpoint(position: ClientPosition): Promise<void> {
    this.confirmed();
    if (this.source.readableLength > 0 && !this.closed) {
      await new Promise<void>((resolve) => this.bufferDrained.push(resolve));
    }
    if (this.closed || this.failure !== undefined || !this.isAfterLast(position)) return;
    this.last = position;
    this.enqueueCheckpoint(position);
  }

  private enqueueCheckpoint(position: ClientPosition): void {
    const message: SubscriptionMessage = { kind: 'checkpoint', position: encodePosition(position) };
    // Checkpoints in a row say the same thing: keep the latest, so a consumer that is slower than a
    // long run of filtered-out events does not pile them up.
    const tail = this.queue[this.queue.length - 1];
    if (tail?.kind === 'checkpoint') this.queue[this.queue.length - 1] = message;
    else this.queue.push(message);
    this.wake();
  }

  private isAfterLast(position: ClientPosition): boolean {
    return this.last === undefined || compareClientPositions(position, this.last) > 0;
  }

  private onEnd(): void {
    this.ended = true;
    this.releaseCheckpoints();
    this.wake();
  }

  private fail(error: Error): void {
    if (this.closed || this.failure !== undefined) return;
    this.failure = error;
    this.confirmed();
    this.releaseCheckpoints();
    this.wake();
    void this.stopSource();
  }

  private confirmed(): void {
    clearTimeout(this.confirmationTimer);
    this.confirmationTimer = undefined;
  }

  private wake(): void {
    this.wakeConsumer?.();
  }

  private releaseCheckpoints(): void {
    const waiting = this.bufferDrained;
    this.bufferDrained = [];
    for (const release of waiting) release();
  }

  private async stopSource(): Promise<void> {
    const timeoutMs = this.options.closeTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.source.unsubscribe().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      this.source.destroy();
    }
  }
}

/**
 * A subscription that opens once what it needs first is there (the head of $all, read before
 * subscribing): iterating waits for it, and a failure to get it fails the iteration. It can be
 * closed at any time, before it opened too.
 */
export class OpeningSubscription implements AllSubscription {
  private closed = false;
  private readonly opened: Promise<AllSubscription>;

  constructor(
    opening: Promise<AllSubscription>,
    private readonly onClose?: () => void,
  ) {
    this.opened = opening.then(async (subscription) => {
      if (this.closed) await subscription.close();
      return subscription;
    });
    this.opened.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose?.();
    const subscription = await this.opened.catch(() => undefined);
    await subscription?.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    const subscription = await this.opened;
    if (this.closed) return;
    yield* subscription;
  }
}
