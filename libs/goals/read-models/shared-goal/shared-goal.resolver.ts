import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '#event-store';
import { GoalProgress, INSIGHTS_DEAL_PROJECTION, InsightsReader, type AttributionModel, type GoalProgressView } from '#insights';
import { liveFeed, ProjectionRunner } from '#projections';
import { invalidInput, parseInstant, toIso } from '#shared';
import { CLOCK, type Clock } from '#shared/application';
import {
  AttributionModelEnum,
  CurrentRequest,
  DateTimeScalar,
  freshDelivery,
  GoalStatusEnum,
  requestNow,
  type RequestContext,
} from '#shared/graphql';
import { GOAL_EVENT_TYPES } from '../../domain/index.js';
import { GOALS_PROJECTION } from './goal.projection.js';
import { goalEndorsementsLoader, goalTargetAtLoader, goalTargetHistoryLoader } from './goal-loader.js';
import { GoalsReader, type EndorsementRow, type GoalRow, type TargetChangeRow } from './goals.reader.js';
import { GoalEndorsement, GoalProgressUpdate, GoalTargetChange, SharedGoal } from './shared-goal.model.js';
import { GetSharedGoalQuery, ListSharedGoalsQuery } from './shared-goal.query-handler.js';

const GOAL_TYPES: ReadonlySet<string> = new Set(GOAL_EVENT_TYPES);

export interface GoalProgressDelivery {
  readonly goalId: string;
  readonly progress: GoalProgressView;
}

@Resolver(() => SharedGoal)
export class SharedGoalResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly reader: GoalsReader,
    private readonly insights: InsightsReader,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => SharedGoal, { nullable: true })
  sharedGoal(@Args('id', { type: () => ID }) id: string): Promise<GoalRow | null> {
    return this.queries.execute(new GetSharedGoalQuery(id));
  }

  @Query(() => [SharedGoal])
  sharedGoals(@Args('status', { type: () => GoalStatusEnum, nullable: true }) status: GoalStatusEnum | null): Promise<GoalRow[]> {
    return this.queries.execute(new ListSharedGoalsQuery(status ?? null));
  }

  @ResolveField(() => [GoalEndorsement])
  async endorsements(@Parent() goal: GoalRow, @CurrentRequest() request: RequestContext): Promise<EndorsementRow[]> {
    return (await goalEndorsementsLoader(this.reader, request).load(goal.id)) ?? [];
  }

  @ResolveField(() => [GoalTargetChange])
  async targetHistory(@Parent() goal: GoalRow, @CurrentRequest() request: RequestContext): Promise<TargetChangeRow[]> {
    return (await goalTargetHistoryLoader(this.reader, request).load(goal.id)) ?? [];
  }

  /** Bitemporal: the goal as recorded at asOf, with the target in force then (PRODUCT §4). */
  @ResolveField(() => GoalProgress)
  async progress(
    @Parent() goal: GoalRow,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null,
    @Args('model', { type: () => AttributionModelEnum, nullable: true, defaultValue: AttributionModelEnum.SHARED })
    model: AttributionModelEnum | null,
    @CurrentRequest() request: RequestContext,
  ): Promise<GoalProgressView> {
    const asOfMs = asOf === null || asOf === undefined ? requestNow(request, this.clock) : parseInstant(asOf, 'asOf');
    const targetMinor = await goalTargetAtLoader(this.reader, request, asOfMs).load(goal.id);
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
    const feed = liveFeed(this.projections, [GOALS_PROJECTION, INSIGHTS_DEAL_PROJECTION], (events: readonly RecordedEvent[]) => {
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
    const goal = this.reader.byId(goalId);
    if (goal === null) return null;
    const now = this.clock.now();
    const targetMinor = this.reader.targetsAt([goalId], now).get(goalId);
    if (targetMinor === undefined) return null;
    return { goalId, progress: this.progressOf(goal, targetMinor, now, 'SHARED') };
  }

  private progressOf(goal: GoalRow, targetMinor: number, asOfMs: number, model: AttributionModel): GoalProgressView {
    return this.insights.goalProgress(
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
export function progressFingerprint(view: GoalProgressView): string {
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
