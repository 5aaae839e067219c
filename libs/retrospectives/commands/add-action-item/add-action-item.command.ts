import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CommandRunner, type Versioned } from '#shared/application';
import { retrospectiveAggregate, parseAddActionItemInput, type AddActionItemFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class AddActionItemCommand extends Command<string> {
  constructor(
    readonly input: Versioned<AddActionItemFields>,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(AddActionItemCommand)
export class AddActionItemHandler implements ICommandHandler<AddActionItemCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: AddActionItemCommand): Promise<string> {
    const command = parseAddActionItemInput(input);
    await this.runner.handle(retrospectiveAggregate, command.retrospectiveId, command, caller, input.expectedVersion);
    return command.retrospectiveId;
  }
}
