import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GoalsReader, type GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { CloseSharedGoalCommand } from './close-shared-goal.command.js';
import { CloseSharedGoalInput } from './close-shared-goal.input.js';

@Resolver(() => SharedGoal)
export class CloseSharedGoalResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: GoalsReader,
  ) {}

  @Mutation(() => SharedGoal)
  async closeSharedGoal(@Args('input') input: CloseSharedGoalInput, @CurrentCaller() caller: Caller): Promise<GoalRow> {
    const id = await this.commands.execute(new CloseSharedGoalCommand(input, caller));
    return readBack(this.reader.byId(id), `Shared goal ${id}`);
  }
}
