import type { RecordedEvent } from '#event-store';
import type { ProjectionRunner } from './projection-runner.js';

/** Turns the events a projection has just committed into what one subscriber receives (none, one or many). */
export type FeedSelector<Item> = (events: readonly RecordedEvent[]) => readonly Item[] | Promise<readonly Item[]>;

/**
 * An async iterator over what a subscriber should see after the given projections commit: the
 * read model already includes the events when the selector runs, so it may read from it. Each
 * instance serves its own subscribers, on any store. Items wait in order; `return()` (the client
 * leaving) removes the listener.
 */
export function liveFeed<Item>(
  runner: Pick<ProjectionRunner, 'onCommitted'>,
  projections: readonly string[],
  select: FeedSelector<Item>,
): AsyncIterableIterator<Item> {
  const queue: Item[] = [];
  const pulls: ((result: IteratorResult<Item>) => void)[] = [];
  let done = false;
  // Selections run one after another, so items keep the order of the commits.
  let selecting: Promise<void> = Promise.resolve();

  const push = (item: Item): void => {
    const pull = pulls.shift();
    if (pull) pull({ value: item, done: false });
    else queue.push(item);
  };

  const unsubscribe = runner.onCommitted((projection, events) => {
    if (done || !projections.includes(projection)) return;
    selecting = selecting.then(async () => {
      try {
        for (const item of await select(events)) if (!done) push(item);
      } catch {
        // A selector that fails (e.g. a row deleted meanwhile) skips that commit, not the feed.
      }
    });
  });

  const finish = (): Promise<IteratorResult<Item>> => {
    if (!done) {
      done = true;
      unsubscribe();
      queue.length = 0;
      for (const pull of pulls.splice(0)) pull({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next(): Promise<IteratorResult<Item>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as Item, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => pulls.push(resolve));
    },
    return: finish,
    throw: (error?: unknown) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
