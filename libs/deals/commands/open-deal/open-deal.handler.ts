import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { dealDecider, parseOpenDealInput, streamFor } from '../../domain/index.js';
import { OpenDealCommand } from './open-deal.command.js';

@CommandHandler(OpenDealCommand)
export class OpenDealHandler implements ICommandHandler<OpenDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: OpenDealCommand): Promise<string> {
    const command = parseOpenDealInput(input, this.currency);
    await this.runner.run(dealDecider, {
      stream: streamFor(command.dealId),
      command,
      context: this.runner.context(actor, correlationId),
      describe: `Deal "${command.dealId}"`,
    });
    return command.dealId;
  }
}
