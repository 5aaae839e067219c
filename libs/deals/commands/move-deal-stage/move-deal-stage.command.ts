import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { dealAggregate, parseMoveDealStageInput, type MoveDealStageFields } from '../../domain/index.js';

/** Answers the id of the deal moved. */
export class MoveDealStageCommand extends CallerCommand<Versioned<MoveDealStageFields>> {}

@CommandHandler(MoveDealStageCommand)
export class MoveDealStageHandler implements ICommandHandler<MoveDealStageCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: MoveDealStageCommand): Promise<string> {
    const command = parseMoveDealStageInput(input);
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
