import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GetSharedGoalQuery } from '../../read-models/shared-goal/shared-goal.query-handler.js';
import type { GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { CloseSharedGoalCommand } from './close-shared-goal.command.js';
import { CloseSharedGoalInput } from './close-shared-goal.input.js';

@Resolver(() => SharedGoal)
export class CloseSharedGoalResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => SharedGoal)
  async closeSharedGoal(
    @Args('input') input: CloseSharedGoalInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<GoalRow> {
    const id = await this.commands.execute(new CloseSharedGoalCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetSharedGoalQuery(id)), `Shared goal ${id}`);
  }
}
