import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { goalDecider, parseCloseSharedGoalInput, streamFor } from '../../domain/index.js';
import { CloseSharedGoalCommand } from './close-shared-goal.command.js';

@CommandHandler(CloseSharedGoalCommand)
export class CloseSharedGoalHandler implements ICommandHandler<CloseSharedGoalCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: CloseSharedGoalCommand): Promise<string> {
    const command = parseCloseSharedGoalInput(input);
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
