import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY, type Versioned } from '#shared/application';
import { dealAggregate, parseWinDealInput, type WinDealFields } from '../../domain/index.js';

/** Answers the id of the deal won. */
export class WinDealCommand extends CallerCommand<Versioned<WinDealFields>> {}

@CommandHandler(WinDealCommand)
export class WinDealHandler implements ICommandHandler<WinDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: WinDealCommand): Promise<string> {
    const command = parseWinDealInput(input, this.currency);
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
