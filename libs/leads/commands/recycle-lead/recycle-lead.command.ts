import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { leadAggregate, parseRecycleLeadInput, type RecycleLeadFields } from '../../domain/index.js';

/** Answers the id of the lead recycled. */
export class RecycleLeadCommand extends CallerCommand<Versioned<RecycleLeadFields>> {}

@CommandHandler(RecycleLeadCommand)
export class RecycleLeadHandler implements ICommandHandler<RecycleLeadCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: RecycleLeadCommand): Promise<string> {
    const command = parseRecycleLeadInput(input);
    await this.runner.handle(leadAggregate, command.leadId, command, caller, input.expectedVersion);
    return command.leadId;
  }
}
