import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { dealDecider, parseReopenDealInput, streamFor } from '../../domain/index.js';
import { ReopenDealCommand } from './reopen-deal.command.js';

@CommandHandler(ReopenDealCommand)
export class ReopenDealHandler implements ICommandHandler<ReopenDealCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: ReopenDealCommand): Promise<string> {
    const command = parseReopenDealInput(input);
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
