import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DealCommands } from '../../application/deal-commands.js';
import { parseReopenDealInput } from '../../domain/index.js';
import { ReopenDealCommand } from './reopen-deal.command.js';

@CommandHandler(ReopenDealCommand)
export class ReopenDealHandler implements ICommandHandler<ReopenDealCommand, string> {
  constructor(private readonly deals: DealCommands) {}

  async execute({ input, actor, correlationId }: ReopenDealCommand): Promise<string> {
    const command = parseReopenDealInput(input);
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
