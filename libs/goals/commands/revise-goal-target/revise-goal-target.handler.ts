import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CURRENCY } from '#shared/application';
import { GoalCommands } from '../../application/goal-commands.js';
import { parseReviseGoalTargetInput } from '../../domain/index.js';
import { ReviseGoalTargetCommand } from './revise-goal-target.command.js';

@CommandHandler(ReviseGoalTargetCommand)
export class ReviseGoalTargetHandler implements ICommandHandler<ReviseGoalTargetCommand, string> {
  constructor(
    private readonly goals: GoalCommands,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ReviseGoalTargetCommand): Promise<string> {
    const command = parseReviseGoalTargetInput(input, this.currency);
    return this.goals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
