import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { goalDecider, parseEndorseSharedGoalInput, streamFor } from '../../domain/index.js';
import { EndorseSharedGoalCommand } from './endorse-shared-goal.command.js';

@CommandHandler(EndorseSharedGoalCommand)
export class EndorseSharedGoalHandler implements ICommandHandler<EndorseSharedGoalCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: EndorseSharedGoalCommand): Promise<string> {
    const command = parseEndorseSharedGoalInput(input);
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
