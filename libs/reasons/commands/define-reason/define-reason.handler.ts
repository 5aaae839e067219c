import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { parseDefineReasonInput, reasonDecider, REASONS_STREAM } from '../../domain/index.js';
import { DefineReasonCommand } from './define-reason.command.js';

@CommandHandler(DefineReasonCommand)
export class DefineReasonHandler implements ICommandHandler<DefineReasonCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: DefineReasonCommand): Promise<string> {
    const command = parseDefineReasonInput(input);
    await this.runner.run(reasonDecider, {
      stream: REASONS_STREAM,
      command,
      context: this.runner.context(actor, correlationId),
      describe: 'The reason catalog',
    });
    return command.code;
  }
}
