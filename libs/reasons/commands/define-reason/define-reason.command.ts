import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CommandRunner } from '#shared/application';
import { reasonCatalogAggregate, parseDefineReasonInput, REASONS_STREAM, type DefineReasonFields } from '../../domain/index.js';

/** Answers the code of the reason defined. */
export class DefineReasonCommand extends Command<string> {
  constructor(
    readonly input: DefineReasonFields,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(DefineReasonCommand)
export class DefineReasonHandler implements ICommandHandler<DefineReasonCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: DefineReasonCommand): Promise<string> {
    const command = parseDefineReasonInput(input);
    await this.runner.handle(reasonCatalogAggregate, REASONS_STREAM, command, caller);
    return command.code;
  }
}
