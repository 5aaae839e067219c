import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CURRENCY } from '#shared/application';
import { GoalCommands } from '../../application/goal-commands.js';
import { parseProposeSharedGoalInput } from '../../domain/index.js';
import { ProposeSharedGoalCommand } from './propose-shared-goal.command.js';

@CommandHandler(ProposeSharedGoalCommand)
export class ProposeSharedGoalHandler implements ICommandHandler<ProposeSharedGoalCommand, string> {
  constructor(
    private readonly goals: GoalCommands,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ProposeSharedGoalCommand): Promise<string> {
    const command = parseProposeSharedGoalInput(input, this.currency);
    return this.goals.run(command, { actor, correlationId });
  }
}
