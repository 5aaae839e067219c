import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '#shared';
import { CurrentActor, CurrentRequest, readBack, type RequestContext } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GetSharedGoalQuery } from '../../read-models/shared-goal/shared-goal.query-handler.js';
import type { GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { EndorseSharedGoalCommand } from './endorse-shared-goal.command.js';
import { EndorseSharedGoalInput } from './endorse-shared-goal.input.js';

@Resolver(() => SharedGoal)
export class EndorseSharedGoalResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Mutation(() => SharedGoal)
  async endorseSharedGoal(
    @Args('input') input: EndorseSharedGoalInput,
    @CurrentActor() actor: Actor,
    @CurrentRequest() request: RequestContext,
  ): Promise<GoalRow> {
    const id = await this.commands.execute(new EndorseSharedGoalCommand(input, actor, request.correlationId));
    return readBack(await this.queries.execute(new GetSharedGoalQuery(id)), `Shared goal ${id}`);
  }
}
