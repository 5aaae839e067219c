import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller, Currency } from '#shared';
import { CommandRunner, CURRENCY } from '#shared/application';
import { dealAggregate, parseOpenDealInput, type OpenDealFields } from '../../domain/index.js';

/** Answers the id of the deal opened. */
export class OpenDealCommand extends Command<string> {
  constructor(
    readonly input: OpenDealFields,
    readonly caller: Caller,
  ) {
    super();
  }
}

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
