import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { parseRetireReasonInput, reasonDecider, REASONS_STREAM } from '../../domain/index.js';
import { RetireReasonCommand } from './retire-reason.command.js';

@CommandHandler(RetireReasonCommand)
export class RetireReasonHandler implements ICommandHandler<RetireReasonCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ code, actor, correlationId }: RetireReasonCommand): Promise<string> {
    const command = parseRetireReasonInput({ code });
    await this.runner.run(reasonDecider, {
      stream: REASONS_STREAM,
      command,
      context: this.runner.context(actor, correlationId),
      describe: 'The reason catalog',
    });
    return command.code;
  }
}
