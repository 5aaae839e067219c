import type { Position, RecordedEvent } from './event.js';
import type { AllSubscription, SubscribeToAllOptions, SubscriptionMessage } from './event-store.js';

export interface LogPage {
  readonly events: RecordedEvent[];
  /** Position of the last event of the whole log when the page was read (filtered or not). */
  readonly head: Position | undefined;
}

/** What an in-process log offers a catch-up subscription: paged reads and a wake-up on append. */
export interface LocalLog {
  readPage(after: Position | undefined, eventTypes: readonly string[] | undefined, maxCount: number): LogPage;
  /**
   * Calls the listener after every commit of appends, with the types of the events it stored;
   * returns the function that stops it.
   */
  onAppended(listener: (types: ReadonlySet<string>) => void): () => void;
}

const PAGE_SIZE = 500;

/**
 * How many commits of events a filtered subscription lets pass without waking before it wakes
 * anyway, to move its checkpoint up to the head: the bound on how far behind an idle subscriber's
 * checkpoint may fall, without a read and a checkpoint for every append.
 */
export const IDLE_WAKE_AFTER_COMMITS = 256;

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
    this.closed = true;
    this.stopListening();
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
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
      if (page.events.length === PAGE_SIZE) continue;
      if (page.head !== undefined && page.head !== lastCheckpoint) {
        after = page.head;
        lastCheckpoint = page.head;
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
