import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { leadAggregate, parseAcceptLeadInput, type LeadIdFields } from '../../domain/index.js';

/** Answers the id of the lead accepted. */
export class AcceptLeadCommand extends CallerCommand<Versioned<LeadIdFields>> {}

@CommandHandler(AcceptLeadCommand)
export class AcceptLeadHandler implements ICommandHandler<AcceptLeadCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: AcceptLeadCommand): Promise<string> {
    const command = parseAcceptLeadInput(input);
    await this.runner.handle(leadAggregate, command.leadId, command, caller, input.expectedVersion);
    return command.leadId;
  }
}
