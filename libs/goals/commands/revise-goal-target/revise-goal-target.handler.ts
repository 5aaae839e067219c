import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CommandRunner, CURRENCY } from '#shared/application';
import { goalDecider, parseReviseGoalTargetInput, streamFor } from '../../domain/index.js';
import { ReviseGoalTargetCommand } from './revise-goal-target.command.js';

@CommandHandler(ReviseGoalTargetCommand)
export class ReviseGoalTargetHandler implements ICommandHandler<ReviseGoalTargetCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ReviseGoalTargetCommand): Promise<string> {
    const command = parseReviseGoalTargetInput(input, this.currency);
    await this.runner.run(goalDecider, {
      stream: streamFor(command.goalId),
      command,
      context: this.runner.context(actor, correlationId),
      expectedVersion: input.expectedVersion ?? null,
      describe: `Shared goal "${command.goalId}"`,
    });
    return command.goalId;
  }
}
