import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { goalAggregate, parseCloseSharedGoalInput, type GoalIdFields } from '../../domain/index.js';

/** Answers the id of the goal closed. */
export class CloseSharedGoalCommand extends CallerCommand<Versioned<GoalIdFields>> {}

@CommandHandler(CloseSharedGoalCommand)
export class CloseSharedGoalHandler implements ICommandHandler<CloseSharedGoalCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: CloseSharedGoalCommand): Promise<string> {
    const command = parseCloseSharedGoalInput(input);
    await this.runner.handle(goalAggregate, command.goalId, command, caller, input.expectedVersion);
    return command.goalId;
  }
}
