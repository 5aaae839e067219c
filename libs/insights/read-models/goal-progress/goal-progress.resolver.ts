import { Inject } from '@nestjs/common';
import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordedEvent } from '#event-store';
import { GOAL_EVENT_TYPES, GOALS_PROJECTION, GoalsReader, goalTargetAtLoader, SharedGoal, type GoalRow } from '#goals';
import { liveFeed, ProjectionRunner } from '#projections';
import { invalidInput, parseInstant, toIso } from '#shared';
import { CLOCK, type Clock } from '#shared/application';
import { CurrentRequest, DateTimeScalar, freshDelivery, requestNow, type RequestContext } from '#shared/graphql';
import type { AttributionModel } from '../../domain/index.js';
import { DEAL_FACTS_PROJECTION } from '../deal-facts/deal-facts.projection.js';
import { GoalProgress, GoalProgressUpdate } from './goal-progress.model.js';
import { GoalProgressReader, type GoalProgressView } from './goal-progress.reader.js';
import { AttributionModelEnum } from '../team-credit.model.js';

const GOAL_TYPES: ReadonlySet<string> = new Set(GOAL_EVENT_TYPES);

export interface GoalProgressDelivery {
  readonly goalId: string;
  readonly progress: GoalProgressView;
}

/** A shared goal's progress, as of any moment and live: insights' side of the goal. */
@Resolver(() => SharedGoal)
export class GoalProgressResolver {
  constructor(
    private readonly goals: GoalsReader,
    private readonly reader: GoalProgressReader,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Bitemporal: the goal as recorded at asOf, with the target in force then (PRODUCT §4). */
  @ResolveField(() => GoalProgress)
  async progress(
    @Parent() goal: GoalRow,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null,
    @Args('model', { type: () => AttributionModelEnum, nullable: true, defaultValue: AttributionModelEnum.SHARED })
    model: AttributionModel | null,
    @CurrentRequest() request: RequestContext,
  ): Promise<GoalProgressView> {
    const asOfMs = asOf === null || asOf === undefined ? requestNow(request, this.clock) : parseInstant(asOf, 'asOf');
    const targetMinor = await goalTargetAtLoader(this.goals, request, asOfMs).load(goal.id);
    if (targetMinor === null) {
      throw invalidInput('asOf', `Shared goal "${goal.id}" was not yet proposed at ${toIso(asOfMs)}`);
    }
    return this.progressOf(goal, targetMinor, asOfMs, model ?? AttributionModelEnum.SHARED);
  }

  /**
   * The goal's SHARED progress as it stands when the client subscribes, then again after every
   * commit that moves it. The feed listens before the first computation, which is synchronous, so
   * no commit falls between the two; a commit already counted in what was sent compares equal.
   */
  @Subscription(() => GoalProgressUpdate, {
    resolve: freshDelivery,
    description: "Fires after every change that moves the goal's progress (SHARED model).",
  })
  goalProgressChanged(@Args('goalId', { type: () => ID }) goalId: string): AsyncIterableIterator<GoalProgressDelivery> {
    let lastSent: string | undefined;
    const current = (): GoalProgressDelivery[] => {
      const delivery = this.currentProgress(goalId);
      if (delivery === null) return [];
      const fingerprint = progressFingerprint(delivery.progress);
      if (fingerprint === lastSent) return [];
      lastSent = fingerprint;
      return [delivery];
    };
    const feed = liveFeed(this.projections, [GOALS_PROJECTION, DEAL_FACTS_PROJECTION], (events: readonly RecordedEvent[]) => {
      // Any deal may be in the goal's scope; of the goals' events, only this goal's own move it.
      const concernsGoal = events.some((event) => !GOAL_TYPES.has(event.type) || event.data['goalId'] === goalId);
      return concernsGoal ? current() : [];
    });
    try {
      return startingWith(current(), feed);
    } catch (error) {
      void feed.return?.();
      throw error;
    }
  }

  /** Progress now under SHARED, or null while the goal does not exist in the read model. */
  private currentProgress(goalId: string): GoalProgressDelivery | null {
    const goal = this.goals.byId(goalId);
    if (goal === null) return null;
    const now = this.clock.now();
    const targetMinor = this.goals.targetsAt([goalId], now).get(goalId);
    if (targetMinor === undefined) return null;
    return { goalId, progress: this.progressOf(goal, targetMinor, now, 'SHARED') };
  }

  private progressOf(goal: GoalRow, targetMinor: number, asOfMs: number, model: AttributionModel): GoalProgressView {
    return this.reader.goalProgress(
      { periodStart: goal.periodStart, periodEnd: goal.periodEnd, targetMinor: BigInt(targetMinor), segment: goal.segment },
      asOfMs,
      model,
    );
  }
}

/**
 * What a subscriber has seen of a goal's progress. asOf and the share of the period elapsed move
 * with the clock alone; counted without them, every commit anywhere would look like a change.
 */
function progressFingerprint(view: GoalProgressView): string {
  const { asOf: _asOf, expectedAttainment: _expected, onPace: _onPace, ...moved } = view;
  return JSON.stringify(moved);
}

/** The feed, preceded by the items already due; leaving early still releases the feed. */
function startingWith<Item>(first: readonly Item[], rest: AsyncIterableIterator<Item>): AsyncIterableIterator<Item> {
  const pending = [...first];
  return {
    next: () => (pending.length > 0 ? Promise.resolve({ value: pending.shift() as Item, done: false }) : rest.next()),
    return: () => {
      pending.length = 0;
      return rest.return ? rest.return() : Promise.resolve({ value: undefined, done: true });
    },
    throw: (error?: unknown) => (rest.throw ? rest.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
