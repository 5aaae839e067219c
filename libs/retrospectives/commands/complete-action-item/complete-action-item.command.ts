import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { parseCompleteActionItemInput, retrospectiveAggregate, type CompleteActionItemFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class CompleteActionItemCommand extends CallerCommand<Versioned<CompleteActionItemFields>> {}

@CommandHandler(CompleteActionItemCommand)
export class CompleteActionItemHandler implements ICommandHandler<CompleteActionItemCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: CompleteActionItemCommand): Promise<string> {
    const command = parseCompleteActionItemInput(input);
    await this.runner.handle(retrospectiveAggregate, command.retrospectiveId, command, caller, input.expectedVersion);
    return command.retrospectiveId;
  }
}
