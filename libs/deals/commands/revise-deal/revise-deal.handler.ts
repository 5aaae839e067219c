import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { DealCommands } from '../../application/deal-commands.js';
import { parseReviseDealInput } from '../../domain/index.js';
import { ReviseDealCommand } from './revise-deal.command.js';

@CommandHandler(ReviseDealCommand)
export class ReviseDealHandler implements ICommandHandler<ReviseDealCommand, string> {
  constructor(
    private readonly deals: DealCommands,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ReviseDealCommand): Promise<string> {
    const command = parseReviseDealInput(input, this.currency);
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
