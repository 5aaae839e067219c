import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RetrospectiveCommands } from '../../application/retrospective-commands.js';
import { parseCompleteActionItemInput } from '../../domain/index.js';
import { CompleteActionItemCommand } from './complete-action-item.command.js';

@CommandHandler(CompleteActionItemCommand)
export class CompleteActionItemHandler implements ICommandHandler<CompleteActionItemCommand, string> {
  constructor(private readonly retrospectives: RetrospectiveCommands) {}

  async execute({ input, actor, correlationId }: CompleteActionItemCommand): Promise<string> {
    return this.retrospectives.run(parseCompleteActionItemInput(input), { actor, correlationId }, input.expectedVersion);
  }
}
