import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import type { ProjectionRunner } from '#projections';
import { record, type SpecEvent } from '#projections/testing';
import { GOALS_PROJECTION, goalsProjection, GoalsReader, type GoalEvent } from '#goals';
import type { AttributionModel } from '../../domain/index.js';
import { DEAL_FACTS_PROJECTION } from '../deal-facts/deal-facts.projection.js';
import type { GoalProgressReader, GoalProgressView, GoalScope } from './goal-progress.reader.js';
import { GoalProgressResolver, type GoalProgressDelivery } from './goal-progress.resolver.js';

/**
 * The goalProgressChanged feed against real SQLite read models. Progress itself belongs to the
 * insights context; here it is a deterministic function of the goal and of "won revenue" the test
 * sets, so the feed's own rules (first emission, changes only, this goal only) are what is tested.
 */
class FakeInsights {
  wonMinor = 0n;
  calls: { scope: GoalScope; asOfMs: number; model: AttributionModel }[] = [];

  goalProgress(scope: GoalScope, asOfMs: number, model: AttributionModel): GoalProgressView {
    this.calls.push({ scope, asOfMs, model });
    return {
      asOf: new Date(asOfMs).toISOString(),
      model,
      target: String(scope.targetMinor),
      wonRevenue: String(this.wonMinor),
      wonDeals: 0,
      lostDeals: 0,
      attainment: Number(this.wonMinor) / Number(scope.targetMinor),
      // Moves with the clock alone, as the real figure does.
      expectedAttainment: (asOfMs % 1000) / 1000,
      onPace: asOfMs % 2 === 0,
      remaining: String(scope.targetMinor - this.wonMinor),
      openPipeline: '0',
      pipelineCoverage: null,
      winRate: null,
      requiredCoverage: null,
      credit: [],
    };
  }
}

type Listener = (projection: string, events: readonly RecordedEvent[]) => void;

describe('goalProgressChanged', () => {
  let db: SqliteDatabase;
  let insights: FakeInsights;
  let listeners: Set<Listener>;
  let now: number;
  let resolver: GoalProgressResolver;
  let log: SpecEvent<GoalEvent>[];

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    goalsProjection.setup(db);
    insights = new FakeInsights();
    listeners = new Set();
    now = Date.parse('2026-03-01T10:00:00Z');
    log = [];
    const runner = { onCommitted: (listener: Listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    resolver = new GoalProgressResolver(
      new GoalsReader(db),
      insights as unknown as GoalProgressReader,
      runner as unknown as ProjectionRunner,
      { now: () => now },
    );
  });
  afterEach(() => {
    db.close();
  });

  /** Appends goal events to the log, projects them, and tells the listeners, as the runner does. */
  function commitGoalEvents(...events: GoalEvent[]): void {
    now += 1_000;
    const stamped = events.map((event) => ({ ...event, stream: `goal-${event.data.goalId}`, metadata: { recordedAt: new Date(now).toISOString() } }));
    log.push(...stamped);
    const recorded = record(log).slice(-events.length);
    for (const event of recorded) goalsProjection.handle(event, db);
    for (const listener of listeners) listener(GOALS_PROJECTION, recorded);
  }

  function commitDeal(): void {
    now += 1_000;
    const event = { id: 'e', type: 'DealWon', data: { dealId: 'd1' }, metadata: {}, stream: 'deal-d1', revision: 1, position: '1' } as unknown as RecordedEvent;
    for (const listener of listeners) listener(DEAL_FACTS_PROJECTION, [event]);
  }

  const proposal = (goalId: string, targetMinor = 50_000_000): GoalEvent => ({
    type: 'SharedGoalProposed',
    data: {
      goalId,
      name: 'Q2',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      targetMinor,
      currency: 'USD',
      segment: 'SMB',
      proposedBy: 'exec',
      proposedAt: new Date(now).toISOString(),
    },
  });

  const pendingNext = new WeakMap<AsyncIterableIterator<GoalProgressDelivery>, Promise<IteratorResult<GoalProgressDelivery>>>();

  /** What the subscriber receives until the feed goes quiet; a pull left waiting carries over to the next call. */
  async function drain(feed: AsyncIterableIterator<GoalProgressDelivery>): Promise<GoalProgressDelivery[]> {
    const received: GoalProgressDelivery[] = [];
    for (;;) {
      const pull = pendingNext.get(feed) ?? feed.next();
      pendingNext.set(feed, pull);
      const next = await Promise.race([pull, new Promise<'quiet'>((resolve) => setImmediate(() => resolve('quiet')))]);
      if (next === 'quiet') return received;
      pendingNext.delete(feed);
      if (next.done) return received;
      received.push(next.value);
    }
  }

  it('sends the progress as it stands at subscription first, under SHARED and the goal’s scope', async () => {
    commitGoalEvents(proposal('g1'));
    insights.wonMinor = 1_000n;
    const feed = resolver.goalProgressChanged('g1');
    const [first, ...rest] = await drain(feed);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ goalId: 'g1', progress: { model: 'SHARED', target: '50000000', wonRevenue: '1000' } });
    expect(insights.calls.at(-1)).toEqual({
      scope: { periodStart: '2026-04-01', periodEnd: '2026-06-30', targetMinor: 50_000_000n, segment: 'SMB' },
      asOfMs: now,
      model: 'SHARED',
    });
    await feed.return?.();
  });

  it('sends again only when the progress moved, not when only the clock did', async () => {
    commitGoalEvents(proposal('g1'));
    const feed = resolver.goalProgressChanged('g1');
    expect(await drain(feed)).toHaveLength(1);

    commitDeal();
    expect(await drain(feed)).toEqual([]);

    insights.wonMinor = 2_500n;
    commitDeal();
    expect((await drain(feed)).map((delivery) => delivery.progress.wonRevenue)).toEqual(['2500']);

    commitGoalEvents({
      type: 'SharedGoalTargetRevised',
      data: { goalId: 'g1', fromMinor: 50_000_000, toMinor: 70_000_000, reason: 'Board', by: 'exec', at: new Date(now).toISOString(), clearedEndorsements: [] },
    });
    expect((await drain(feed)).map((delivery) => delivery.progress.target)).toEqual(['70000000']);
    await feed.return?.();
  });

  it('ignores other goals’ events, and waits for a goal not yet proposed', async () => {
    const feed = resolver.goalProgressChanged('g2');
    expect(await drain(feed)).toEqual([]);
    commitGoalEvents(proposal('g1'));
    expect(await drain(feed)).toEqual([]);
    commitGoalEvents(proposal('g2', 10_000));
    expect((await drain(feed)).map((delivery) => [delivery.goalId, delivery.progress.target])).toEqual([['g2', '10000']]);
    await feed.return?.();
  });

  it('stops listening when the subscriber leaves', async () => {
    commitGoalEvents(proposal('g1'));
    const feed = resolver.goalProgressChanged('g1');
    expect(listeners.size).toBe(1);
    await feed.return?.();
    expect(listeners.size).toBe(0);
    expect(await feed.next()).toEqual({ value: undefined, done: true });
  });
});
