import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, CURRENCY } from '#shared/application';
import type { Currency } from '#shared';
import { dealDecider, parseReviseDealInput, streamFor } from '../../domain/index.js';
import { ReviseDealCommand } from './revise-deal.command.js';

@CommandHandler(ReviseDealCommand)
export class ReviseDealHandler implements ICommandHandler<ReviseDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, actor, correlationId }: ReviseDealCommand): Promise<string> {
    const command = parseReviseDealInput(input, this.currency);
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
