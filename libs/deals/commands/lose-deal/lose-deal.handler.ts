import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { ReasonCatalogSource } from '#reasons';
import { dealDecider, parseLoseDealInput, streamFor, type LoseDeal } from '../../domain/index.js';
import { LoseDealCommand } from './lose-deal.command.js';

@CommandHandler(LoseDealCommand)
export class LoseDealHandler implements ICommandHandler<LoseDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reasons: ReasonCatalogSource,
  ) {}

  async execute({ input, actor, correlationId }: LoseDealCommand): Promise<string> {
    const request = parseLoseDealInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const snapshots = await this.reasons.snapshots([request.reasonCode]);
    const command: LoseDeal = { ...request, reason: snapshots[request.reasonCode] ?? null };
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
