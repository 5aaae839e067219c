import type { AllSubscription, RecordedEvent, SubscriptionMessage } from '../index.js';

export type MessagesCondition = (messages: readonly SubscriptionMessage[]) => boolean;

/**
 * Reads one subscription with a deadline per wait, so that a message that never comes fails the
 * test with what did come instead of hanging it. Keeps a single iterator: a catch-up
 * subscription asked for a second iterator may start over.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;
  private pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    readonly subscription: AllSubscription,
    private readonly timeoutMs: number,
  ) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The messages that arrive until `done` holds for them; fails at the deadline or at the end. */
  async readUntil(done: MessagesCondition, waitingFor: string): Promise<SubscriptionMessage[]> {
    const messages: SubscriptionMessage[] = [];
    const deadline = Date.now() + this.timeoutMs;
    while (!done(messages)) {
      const result = await this.next(deadline, waitingFor, messages);
      if (result.done) throw new Error(`The subscription ended while waiting for ${waitingFor}; got ${describe(messages)}`);
      messages.push(result.value);
    }
    return messages;
  }

  /** The messages that arrive until the iteration ends; fails if it has not ended by the deadline. */
  async readToEnd(): Promise<SubscriptionMessage[]> {
    const messages: SubscriptionMessage[] = [];
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const result = await this.next(deadline, 'the end of the iteration', messages);
      if (result.done) return messages;
      messages.push(result.value);
    }
  }

  /** Closes the subscription once, however often it is called. */
  close(): Promise<void> {
    this.closing ??= this.subscription.close();
    return this.closing;
  }

  private async next(
    deadline: number,
    waitingFor: string,
    received: readonly SubscriptionMessage[],
  ): Promise<IteratorResult<SubscriptionMessage>> {
    // A next() that outlived an earlier deadline is still the one to wait for: asking again
    // would race two reads of the same iterator.
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), Math.max(0, deadline - Date.now()));
    });
    try {
      const outcome = await Promise.race([this.pending, timedOut]);
      if (outcome === 'timed out') {
        throw new Error(`No ${waitingFor} within ${this.timeoutMs} ms; got ${describe(received)}`);
      }
      this.pending = undefined;
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  }
}

export function eventsOf(messages: readonly SubscriptionMessage[]): RecordedEvent[] {
  return messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
}

export function includesEvent(id: string): MessagesCondition {
  return (messages) => eventsOf(messages).some((event) => event.id === id);
}

function describe(messages: readonly SubscriptionMessage[]): string {
  if (messages.length === 0) return 'nothing';
  return messages
    .map((message) =>
      message.kind === 'event'
        ? `event ${message.event.type} ${message.event.stream}@${message.event.revision}`
        : `checkpoint ${message.position}`,
    )
    .join(', ');
}
