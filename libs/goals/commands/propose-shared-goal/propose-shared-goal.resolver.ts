import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GoalsReader, type GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { ProposeSharedGoalCommand } from './propose-shared-goal.command.js';
import { ProposeSharedGoalInput } from './propose-shared-goal.input.js';

@Resolver(() => SharedGoal)
export class ProposeSharedGoalResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: GoalsReader,
  ) {}

  @Mutation(() => SharedGoal)
  async proposeSharedGoal(@Args('input') input: ProposeSharedGoalInput, @CurrentCaller() caller: Caller): Promise<GoalRow> {
    const id = await this.commands.execute(new ProposeSharedGoalCommand(input, caller));
    return readBack(this.reader.byId(id), `Shared goal ${id}`);
  }
}
