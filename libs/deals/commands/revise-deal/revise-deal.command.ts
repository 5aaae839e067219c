import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY, type Versioned } from '#shared/application';
import { dealAggregate, parseReviseDealInput, type ReviseDealFields } from '../../domain/index.js';

/** Answers the id of the deal revised. */
export class ReviseDealCommand extends CallerCommand<Versioned<ReviseDealFields>> {}

@CommandHandler(ReviseDealCommand)
export class ReviseDealHandler implements ICommandHandler<ReviseDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: ReviseDealCommand): Promise<string> {
    const command = parseReviseDealInput(input, this.currency);
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
