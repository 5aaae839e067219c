import type { Position, RecordedEvent } from './event.js';
import type { AllSubscription, ReadAllOptions, SubscribeToAllOptions, SubscriptionMessage } from './event-store.js';
import { positionToNumber } from './local-log.js';

export interface LogPage {
  /** The events of the page that readAll delivers (the store's own and foreign ones skipped). */
  readonly events: RecordedEvent[];
  /** Position of the last event the page read, delivered or skipped; undefined when it read none. */
  readonly lastRead: Position | undefined;
  /** Whether the page read the log up to `head` (fewer than the most it could read were left). */
  readonly reachedHead: boolean;
  /** Position of the last event of the whole log when the page was read (filtered or not). */
  readonly head: Position | undefined;
}

/** What an in-process log offers reads of the whole log and catch-up subscriptions. */
export interface LocalLog {
  /** Up to `maxRead` events after `after` (of `eventTypes` when given), up to the head. */
  readPage(after: Position | undefined, eventTypes: readonly string[] | undefined, maxRead: number): LogPage;
  /**
   * Calls the listener after every commit of appends, with the types of the events it stored;
   * returns the function that stops it.
   */
  onAppended(listener: (types: ReadonlySet<string>) => void): () => void;
}

const PAGE_SIZE = 500;
const READ_ALL_PAGE_SIZE = 2_000;

/**
 * How many commits of events a filtered subscription lets pass without waking before it wakes
 * anyway, to move its checkpoint up to the head: the bound on how far behind an idle subscriber's
 * checkpoint may fall, without a read and a checkpoint for every append.
 */
export const IDLE_WAKE_AFTER_COMMITS = 256;

/** readAll over a local log, page by page, so skipped events never cut a read short. */
export function readAllFromLog(log: LocalLog, options: ReadAllOptions): RecordedEvent[] {
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (!(maxCount >= 0)) throw new RangeError(`maxCount must be a non-negative number, got ${String(options.maxCount)}`);
  if (maxCount === 0 || options.eventTypes?.length === 0) return [];
  const events: RecordedEvent[] = [];
  let after = options.fromPosition;
  for (;;) {
    const page = log.readPage(after, options.eventTypes, READ_ALL_PAGE_SIZE);
    for (const event of page.events) {
      events.push(event);
      if (events.length >= maxCount) return events;
    }
    if (page.reachedHead || page.lastRead === undefined) return events;
    after = page.lastRead;
  }
}

/**
 * Catch-up subscription over a log held in this process (memory or an embedded file): reads
 * history page by page, then waits for appends. When a read reaches the head of the log it
 * yields a checkpoint at the head, so a filtered subscriber learns how far the log was read even
 * when the last events were not for it. A filtered subscription wakes only for commits that
 * stored events of its types, and otherwise once every IDLE_WAKE_AFTER_COMMITS commits.
 */
export class LocalCatchUpSubscription implements AllSubscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private appendsSeen = 0;
  private readonly stopListening: () => void;

  constructor(
    private readonly log: LocalLog,
    private readonly options: SubscribeToAllOptions,
    private readonly onClose?: () => void,
  ) {
    const wanted = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
    let passed = 0;
    this.stopListening = log.onAppended((types) => {
      if (wanted !== undefined && ![...types].some((type) => wanted.has(type)) && ++passed < IDLE_WAKE_AFTER_COMMITS) return;
      passed = 0;
      this.appendsSeen += 1;
      this.wake?.();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    this.onClose?.();
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    const start = this.options.fromPosition === undefined ? 0 : positionToNumber(this.options.fromPosition);
    let after = this.options.fromPosition;
    let lastCheckpoint: Position | undefined;
    while (!this.closed) {
      const appendsBefore = this.appendsSeen;
      const page = this.log.readPage(after, this.options.eventTypes, PAGE_SIZE);
      for (const event of page.events) {
        if (this.closed) return;
        yield { kind: 'event', event };
        after = event.position;
      }
      if (page.lastRead !== undefined) after = page.lastRead;
      if (!page.reachedHead) continue;
      // A start beyond the head (a position of a longer log) gets no checkpoint behind it.
      if (page.head !== undefined && page.head !== lastCheckpoint && positionToNumber(page.head) >= start) {
        after = page.head;
        lastCheckpoint = page.head;
        if (this.closed) return;
        yield { kind: 'checkpoint', position: page.head };
      }
      if (this.appendsSeen !== appendsBefore || this.closed) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}

/** The subscriptions a local store has open, so that closing the store ends them. */
export class LocalSubscriptions {
  private readonly open = new Set<LocalCatchUpSubscription>();

  constructor(private readonly log: LocalLog) {}

  subscribe(options: SubscribeToAllOptions): AllSubscription {
    const subscription: LocalCatchUpSubscription = new LocalCatchUpSubscription(this.log, options, () => this.open.delete(subscription));
    this.open.add(subscription);
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
  }
}
