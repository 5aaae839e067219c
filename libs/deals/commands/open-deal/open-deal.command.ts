import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY } from '#shared/application';
import { dealAggregate, parseOpenDealInput, type OpenDealFields } from '../../domain/index.js';

/** Answers the id of the deal opened. */
export class OpenDealCommand extends CallerCommand<OpenDealFields> {}

@CommandHandler(OpenDealCommand)
export class OpenDealHandler implements ICommandHandler<OpenDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: OpenDealCommand): Promise<string> {
    const command = parseOpenDealInput(input, this.currency);
    await this.runner.handle(dealAggregate, command.dealId, command, caller);
    return command.dealId;
  }
}
