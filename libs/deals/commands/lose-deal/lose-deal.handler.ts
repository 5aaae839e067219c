import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { DealCommands } from '../../application/deal-commands.js';
import { parseLoseDealInput, type LoseDeal } from '../../domain/index.js';
import { LoseDealCommand } from './lose-deal.command.js';

@CommandHandler(LoseDealCommand)
export class LoseDealHandler implements ICommandHandler<LoseDealCommand, string> {
  constructor(
    private readonly deals: DealCommands,
    private readonly reasons: ReasonCatalogSource,
  ) {}

  async execute({ input, actor, correlationId }: LoseDealCommand): Promise<string> {
    const request = parseLoseDealInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const snapshots = await this.reasons.snapshots([request.reasonCode]);
    const command: LoseDeal = { ...request, reason: snapshots[request.reasonCode] ?? null };
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
