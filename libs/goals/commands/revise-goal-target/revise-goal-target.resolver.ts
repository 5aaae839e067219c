import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CurrentCaller, readBack } from '#shared/graphql';
import { SharedGoal } from '../../read-models/shared-goal/shared-goal.model.js';
import { GoalsReader, type GoalRow } from '../../read-models/shared-goal/goals.reader.js';
import { ReviseGoalTargetCommand } from './revise-goal-target.command.js';
import { ReviseGoalTargetInput } from './revise-goal-target.input.js';

@Resolver(() => SharedGoal)
export class ReviseGoalTargetResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: GoalsReader,
  ) {}

  @Mutation(() => SharedGoal)
  async reviseGoalTarget(@Args('input') input: ReviseGoalTargetInput, @CurrentCaller() caller: Caller): Promise<GoalRow> {
    const id = await this.commands.execute(new ReviseGoalTargetCommand(input, caller));
    return readBack(this.reader.byId(id), `Shared goal ${id}`);
  }
}
