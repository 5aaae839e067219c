import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CommandRunner, type Versioned } from '#shared/application';
import { retrospectiveAggregate, parseCompleteActionItemInput, type CompleteActionItemFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class CompleteActionItemCommand extends Command<string> {
  constructor(
    readonly input: Versioned<CompleteActionItemFields>,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CompleteActionItemCommand)
export class CompleteActionItemHandler implements ICommandHandler<CompleteActionItemCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: CompleteActionItemCommand): Promise<string> {
    const command = parseCompleteActionItemInput(input);
    await this.runner.handle(retrospectiveAggregate, command.retrospectiveId, command, caller, input.expectedVersion);
    return command.retrospectiveId;
  }
}
