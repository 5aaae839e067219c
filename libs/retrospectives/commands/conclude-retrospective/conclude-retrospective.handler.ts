import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { RetrospectiveCommands } from '../../application/retrospective-commands.js';
import { parseConcludeRetrospectiveInput } from '../../domain/index.js';
import { ConcludeRetrospectiveCommand } from './conclude-retrospective.command.js';

@CommandHandler(ConcludeRetrospectiveCommand)
export class ConcludeRetrospectiveHandler implements ICommandHandler<ConcludeRetrospectiveCommand, string> {
  constructor(
    private readonly retrospectives: RetrospectiveCommands,
    private readonly catalog: ReasonCatalogSource,
  ) {}

  async execute({ input, actor, correlationId }: ConcludeRetrospectiveCommand): Promise<string> {
    const request = parseConcludeRetrospectiveInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const reasons = await this.catalog.snapshots(request.agreedReasonCodes);
    return this.retrospectives.run({ ...request, reasons }, { actor, correlationId }, input.expectedVersion);
  }
}
