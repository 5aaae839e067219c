import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CommandRunner, CURRENCY } from '#shared/application';
import { goalDecider, parseProposeSharedGoalInput, streamFor } from '../../domain/index.js';
import { ProposeSharedGoalCommand } from './propose-shared-goal.command.js';

@CommandHandler(ProposeSharedGoalCommand)
export class ProposeSharedGoalHandler implements ICommandHandler<ProposeSharedGoalCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ProposeSharedGoalCommand): Promise<string> {
    const command = parseProposeSharedGoalInput(input, this.currency);
    await this.runner.run(goalDecider, {
      stream: streamFor(command.goalId),
      command,
      context: this.runner.context(actor, correlationId),
      describe: `Shared goal "${command.goalId}"`,
    });
    return command.goalId;
  }
}
