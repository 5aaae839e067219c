import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { liveFeed } from './live-feed.js';
import type { CommitListener } from './projection-runner.js';
import { record } from './testing/index.js';

/** The runner's commit notifications, driven by hand. */
function fakeRunner() {
  const listeners = new Set<CommitListener>();
  return {
    onCommitted(listener: CommitListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    commit(projection: string, events: readonly RecordedEvent[]) {
      for (const listener of listeners) listener(projection, events);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

const events = (...types: string[]) => record(types.map((type) => ({ type, data: {} })));

describe('liveFeed', () => {
  it('yields what the selector picks from the watched projections, in commit order', async () => {
    // Given a feed of the types committed by "deals"
    const runner = fakeRunner();
    const feed = liveFeed(runner, ['deals'], (committed) => committed.map((event) => event.type));

    // When two batches commit, and one of another projection
    runner.commit('deals', events('DealOpened', 'DealWon'));
    runner.commit('goals', events('SharedGoalProposed'));
    runner.commit('deals', events('DealLost'));

    // Then the subscriber sees the deals' events only, in order
    expect((await feed.next()).value).toBe('DealOpened');
    expect((await feed.next()).value).toBe('DealWon');
    expect((await feed.next()).value).toBe('DealLost');
    await feed.return?.();
  });

  it('waits for the next commit when nothing is queued', async () => {
    const runner = fakeRunner();
    const feed = liveFeed(runner, ['deals'], (committed) => committed.filter((event) => event.type === 'DealWon').map(() => 'won'));
    const next = feed.next();
    runner.commit('deals', events('DealOpened'));
    runner.commit('deals', events('DealWon'));
    await expect(next).resolves.toEqual({ value: 'won', done: false });
    await feed.return?.();
  });

  it('stops listening when the subscriber leaves, and ends a pending pull', async () => {
    const runner = fakeRunner();
    const feed = liveFeed(runner, ['deals'], () => ['x']);
    const pending = feed.next();
    await feed.return?.();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(runner.listeners).toBe(0);
    runner.commit('deals', events('DealOpened'));
    await expect(feed.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('skips a commit whose selection fails and goes on with the next', async () => {
    const runner = fakeRunner();
    let calls = 0;
    const feed = liveFeed(runner, ['deals'], () => {
      calls += 1;
      if (calls === 1) throw new Error('row gone');
      return ['second'];
    });
    runner.commit('deals', events('DealOpened'));
    runner.commit('deals', events('DealWon'));
    expect((await feed.next()).value).toBe('second');
    await feed.return?.();
  });
});
