import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { QualificationSource } from '../../application/qualification-source.js';
import { leadAggregate, parseHandOffLeadInput, type HandOffLead, type HandOffLeadFields } from '../../domain/index.js';

/** Answers the id of the lead handed off. */
export class HandOffLeadCommand extends CallerCommand<HandOffLeadFields> {}

@CommandHandler(HandOffLeadCommand)
export class HandOffLeadHandler implements ICommandHandler<HandOffLeadCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly qualification: QualificationSource,
  ) {}

  async execute({ input, caller }: HandOffLeadCommand): Promise<string> {
    const request = parseHandOffLeadInput(input);
    const command: HandOffLead = { ...request, agreement: await this.qualification.inForce() };
    await this.runner.handle(leadAggregate, command.leadId, command, caller);
    return command.leadId;
  }
}
