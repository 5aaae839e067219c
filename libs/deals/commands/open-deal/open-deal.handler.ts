import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { DealCommands } from '../../application/deal-commands.js';
import { parseOpenDealInput } from '../../domain/index.js';
import { OpenDealCommand } from './open-deal.command.js';

@CommandHandler(OpenDealCommand)
export class OpenDealHandler implements ICommandHandler<OpenDealCommand, string> {
  constructor(
    private readonly deals: DealCommands,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: OpenDealCommand): Promise<string> {
    const command = parseOpenDealInput(input, this.currency);
    return this.deals.run(command, { actor, correlationId });
  }
}
