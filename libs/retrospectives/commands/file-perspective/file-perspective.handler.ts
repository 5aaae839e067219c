import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReasonCatalogSource } from '#reasons';
import { RetrospectiveCommands } from '../../application/retrospective-commands.js';
import { parseFilePerspectiveInput } from '../../domain/index.js';
import { FilePerspectiveCommand } from './file-perspective.command.js';

@CommandHandler(FilePerspectiveCommand)
export class FilePerspectiveHandler implements ICommandHandler<FilePerspectiveCommand, string> {
  constructor(
    private readonly retrospectives: RetrospectiveCommands,
    private readonly catalog: ReasonCatalogSource,
  ) {}

  async execute({ input, actor, correlationId }: FilePerspectiveCommand): Promise<string> {
    const request = parseFilePerspectiveInput(input);
    // From the log, not the read model: a reason retired a moment ago is refused at once.
    const reasons = await this.catalog.snapshots(request.reasonCodes);
    return this.retrospectives.run({ ...request, reasons }, { actor, correlationId }, input.expectedVersion);
  }
}
