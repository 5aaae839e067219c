import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { dealAggregate, parseReopenDealInput, type ReopenDealFields } from '../../domain/index.js';

/** Answers the id of the deal reopened. */
export class ReopenDealCommand extends CallerCommand<Versioned<ReopenDealFields>> {}

@CommandHandler(ReopenDealCommand)
export class ReopenDealHandler implements ICommandHandler<ReopenDealCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: ReopenDealCommand): Promise<string> {
    const command = parseReopenDealInput(input);
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
