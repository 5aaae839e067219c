import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { dealAggregate, parseLoseDealInput, type LoseDeal, type LoseDealFields } from '../../domain/index.js';

/** Answers the id of the deal lost. */
export class LoseDealCommand extends CallerCommand<Versioned<LoseDealFields>> {}

@CommandHandler(LoseDealCommand)
export class LoseDealHandler implements ICommandHandler<LoseDealCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reasons: ReasonCatalogSource,
  ) {}

  async execute({ input, caller }: LoseDealCommand): Promise<string> {
    const request = parseLoseDealInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const snapshots = await this.reasons.snapshots([request.reasonCode]);
    const command: LoseDeal = { ...request, reason: snapshots[request.reasonCode] ?? null };
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
