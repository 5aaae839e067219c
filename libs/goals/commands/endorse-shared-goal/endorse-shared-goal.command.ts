import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { goalAggregate, parseEndorseSharedGoalInput, type GoalIdFields } from '../../domain/index.js';

/** Answers the id of the goal endorsed. */
export class EndorseSharedGoalCommand extends CallerCommand<Versioned<GoalIdFields>> {}

@CommandHandler(EndorseSharedGoalCommand)
export class EndorseSharedGoalHandler implements ICommandHandler<EndorseSharedGoalCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: EndorseSharedGoalCommand): Promise<string> {
    const command = parseEndorseSharedGoalInput(input);
    await this.runner.handle(goalAggregate, command.goalId, command, caller, input.expectedVersion);
    return command.goalId;
  }
}
