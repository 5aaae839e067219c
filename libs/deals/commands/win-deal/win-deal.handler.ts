import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { DealCommands } from '../../application/deal-commands.js';
import { parseWinDealInput } from '../../domain/index.js';
import { WinDealCommand } from './win-deal.command.js';

@CommandHandler(WinDealCommand)
export class WinDealHandler implements ICommandHandler<WinDealCommand, string> {
  constructor(
    private readonly deals: DealCommands,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: WinDealCommand): Promise<string> {
    const command = parseWinDealInput(input, this.currency);
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
