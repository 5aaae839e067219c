import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GoalCommands } from '../../application/goal-commands.js';
import { parseEndorseSharedGoalInput } from '../../domain/index.js';
import { EndorseSharedGoalCommand } from './endorse-shared-goal.command.js';

@CommandHandler(EndorseSharedGoalCommand)
export class EndorseSharedGoalHandler implements ICommandHandler<EndorseSharedGoalCommand, string> {
  constructor(private readonly goals: GoalCommands) {}

  async execute({ input, actor, correlationId }: EndorseSharedGoalCommand): Promise<string> {
    const command = parseEndorseSharedGoalInput(input);
    return this.goals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
