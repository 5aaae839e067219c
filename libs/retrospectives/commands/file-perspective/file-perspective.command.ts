import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { parseFilePerspectiveInput, retrospectiveAggregate, type FilePerspectiveFields } from '../../domain/index.js';

/** Answers the id of the retrospective changed. */
export class FilePerspectiveCommand extends CallerCommand<Versioned<FilePerspectiveFields>> {}

@CommandHandler(FilePerspectiveCommand)
export class FilePerspectiveHandler implements ICommandHandler<FilePerspectiveCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly catalog: ReasonCatalogSource,
  ) {}

  async execute({ input, caller }: FilePerspectiveCommand): Promise<string> {
    const request = parseFilePerspectiveInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const reasons = await this.catalog.snapshots(request.reasonCodes);
    await this.runner.handle(retrospectiveAggregate, request.retrospectiveId, { ...request, reasons }, caller, input.expectedVersion);
    return request.retrospectiveId;
  }
}
