import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseMergeReasonsInput, reasonCatalogAggregate, REASONS_STREAM, type MergeReasonsFields } from '../../domain/index.js';

/** Answers the code of the reason merged away (`from`), which the mutation returns. */
export class MergeReasonsCommand extends CallerCommand<MergeReasonsFields> {}

@CommandHandler(MergeReasonsCommand)
export class MergeReasonsHandler implements ICommandHandler<MergeReasonsCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: MergeReasonsCommand): Promise<string> {
    const command = parseMergeReasonsInput(input);
    await this.runner.handle(reasonCatalogAggregate, REASONS_STREAM, command, caller);
    return command.from;
  }
}
