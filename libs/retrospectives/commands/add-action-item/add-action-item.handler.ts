import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RetrospectiveCommands } from '../../application/retrospective-commands.js';
import { parseAddActionItemInput } from '../../domain/index.js';
import { AddActionItemCommand } from './add-action-item.command.js';

@CommandHandler(AddActionItemCommand)
export class AddActionItemHandler implements ICommandHandler<AddActionItemCommand, string> {
  constructor(private readonly retrospectives: RetrospectiveCommands) {}

  async execute({ input, actor, correlationId }: AddActionItemCommand): Promise<string> {
    return this.retrospectives.run(parseAddActionItemInput(input), { actor, correlationId }, input.expectedVersion);
  }
}
