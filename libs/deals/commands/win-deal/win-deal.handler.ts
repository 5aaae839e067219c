import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { dealDecider, parseWinDealInput, streamFor } from '../../domain/index.js';
import { WinDealCommand } from './win-deal.command.js';

@CommandHandler(WinDealCommand)
export class WinDealHandler implements ICommandHandler<WinDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: WinDealCommand): Promise<string> {
    const command = parseWinDealInput(input, this.currency);
    await this.runner.run(dealDecider, {
      stream: streamFor(command.dealId),
      command,
      context: this.runner.context(actor, correlationId),
      expectedVersion: input.expectedVersion ?? null,
      describe: `Deal "${command.dealId}"`,
    });
    return command.dealId;
  }
}
