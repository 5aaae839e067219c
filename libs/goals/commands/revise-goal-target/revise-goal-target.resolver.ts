import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GetSharedGoalQuery } from '../../read-models/shared-goal/shared-goal.query-handler.js';
import type { GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { ReviseGoalTargetCommand } from './revise-goal-target.command.js';
import { ReviseGoalTargetInput } from './revise-goal-target.input.js';

@Resolver(() => SharedGoal)
export class ReviseGoalTargetResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => SharedGoal)
  async reviseGoalTarget(
    @Args('input') input: ReviseGoalTargetInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<GoalRow> {
    const id = await this.commands.execute(new ReviseGoalTargetCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetSharedGoalQuery(id)), `Shared goal ${id}`);
  }
}
