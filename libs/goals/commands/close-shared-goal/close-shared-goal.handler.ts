import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GoalCommands } from '../../application/goal-commands.js';
import { parseCloseSharedGoalInput } from '../../domain/index.js';
import { CloseSharedGoalCommand } from './close-shared-goal.command.js';

@CommandHandler(CloseSharedGoalCommand)
export class CloseSharedGoalHandler implements ICommandHandler<CloseSharedGoalCommand, string> {
  constructor(private readonly goals: GoalCommands) {}

  async execute({ input, actor, correlationId }: CloseSharedGoalCommand): Promise<string> {
    const command = parseCloseSharedGoalInput(input);
    return this.goals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
