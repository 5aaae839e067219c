import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { leadAggregate, parseRejectLeadInput, type RejectLead, type RejectLeadFields } from '../../domain/index.js';

/** Answers the id of the lead rejected. */
export class RejectLeadCommand extends CallerCommand<Versioned<RejectLeadFields>> {}

@CommandHandler(RejectLeadCommand)
export class RejectLeadHandler implements ICommandHandler<RejectLeadCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reasons: ReasonCatalogSource,
  ) {}

  async execute({ input, caller }: RejectLeadCommand): Promise<string> {
    const request = parseRejectLeadInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const snapshots = await this.reasons.snapshots([request.reasonCode]);
    const command: RejectLead = { ...request, reason: snapshots[request.reasonCode] ?? null };
    await this.runner.handle(leadAggregate, command.leadId, command, caller, input.expectedVersion);
    return command.leadId;
  }
}
