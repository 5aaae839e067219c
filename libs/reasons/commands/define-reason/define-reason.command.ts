import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseDefineReasonInput, reasonCatalogAggregate, REASONS_STREAM, type DefineReasonFields } from '../../domain/index.js';

/** Answers the code of the reason defined. */
export class DefineReasonCommand extends CallerCommand<DefineReasonFields> {}

@CommandHandler(DefineReasonCommand)
export class DefineReasonHandler implements ICommandHandler<DefineReasonCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: DefineReasonCommand): Promise<string> {
    const command = parseDefineReasonInput(input);
    await this.runner.handle(reasonCatalogAggregate, REASONS_STREAM, command, caller);
    return command.code;
  }
}
