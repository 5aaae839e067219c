import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { parseAddActionItemInput, retrospectiveAggregate, type AddActionItemFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class AddActionItemCommand extends CallerCommand<Versioned<AddActionItemFields>> {}

@CommandHandler(AddActionItemCommand)
export class AddActionItemHandler implements ICommandHandler<AddActionItemCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: AddActionItemCommand): Promise<string> {
    const command = parseAddActionItemInput(input);
    await this.runner.handle(retrospectiveAggregate, command.retrospectiveId, command, caller, input.expectedVersion);
    return command.retrospectiveId;
  }
}
