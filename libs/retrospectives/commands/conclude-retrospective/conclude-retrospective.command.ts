import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { parseConcludeRetrospectiveInput, retrospectiveAggregate, type ConcludeRetrospectiveFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class ConcludeRetrospectiveCommand extends CallerCommand<Versioned<ConcludeRetrospectiveFields>> {}

@CommandHandler(ConcludeRetrospectiveCommand)
export class ConcludeRetrospectiveHandler implements ICommandHandler<ConcludeRetrospectiveCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly catalog: ReasonCatalogSource,
  ) {}

  async execute({ input, caller }: ConcludeRetrospectiveCommand): Promise<string> {
    const request = parseConcludeRetrospectiveInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const reasons = await this.catalog.snapshots(request.agreedReasonCodes);
    await this.runner.handle(retrospectiveAggregate, request.retrospectiveId, { ...request, reasons }, caller, input.expectedVersion);
    return request.retrospectiveId;
  }
}
