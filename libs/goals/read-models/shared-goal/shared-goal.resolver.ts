import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, type RequestContext } from '#shared/graphql';
import { goalEndorsementsLoader, goalTargetHistoryLoader } from './goal-loader.js';
import { GoalsReader, type EndorsementRow, type GoalRow, type TargetChangeRow } from './goals.reader.js';
import { GoalEndorsement, GoalStatusEnum, GoalTargetChange, SharedGoal } from './shared-goal.model.js';
import type { GoalStatus } from '../../domain/index.js';

/** The goal as both teams signed it; its progress is insights' (GoalProgressResolver). */
@Resolver(() => SharedGoal)
export class SharedGoalResolver {
  constructor(private readonly reader: GoalsReader) {}

  @Query(() => SharedGoal, { nullable: true })
  sharedGoal(@Args('id', { type: () => ID }) id: string): GoalRow | null {
    return this.reader.byId(id);
  }

  @Query(() => [SharedGoal])
  sharedGoals(@Args('status', { type: () => GoalStatusEnum, nullable: true }) status: GoalStatus | null): GoalRow[] {
    return this.reader.list(status ?? null);
  }

  @ResolveField(() => [GoalEndorsement])
  async endorsements(@Parent() goal: GoalRow, @CurrentRequest() request: RequestContext): Promise<EndorsementRow[]> {
    return (await goalEndorsementsLoader(this.reader, request).load(goal.id)) ?? [];
  }

  @ResolveField(() => [GoalTargetChange])
  async targetHistory(@Parent() goal: GoalRow, @CurrentRequest() request: RequestContext): Promise<TargetChangeRow[]> {
    return (await goalTargetHistoryLoader(this.reader, request).load(goal.id)) ?? [];
  }
}
