import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseRetireReasonInput, reasonCatalogAggregate, REASONS_STREAM, type RetireReasonFields } from '../../domain/index.js';

/** Answers the code of the reason retired. */
export class RetireReasonCommand extends CallerCommand<RetireReasonFields> {}

@CommandHandler(RetireReasonCommand)
export class RetireReasonHandler implements ICommandHandler<RetireReasonCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: RetireReasonCommand): Promise<string> {
    const command = parseRetireReasonInput(input);
    await this.runner.handle(reasonCatalogAggregate, REASONS_STREAM, command, caller);
    return command.code;
  }
}
