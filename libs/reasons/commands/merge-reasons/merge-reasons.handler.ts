import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { parseMergeReasonsInput, reasonDecider, REASONS_STREAM } from '../../domain/index.js';
import { MergeReasonsCommand } from './merge-reasons.command.js';

@CommandHandler(MergeReasonsCommand)
export class MergeReasonsHandler implements ICommandHandler<MergeReasonsCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: MergeReasonsCommand): Promise<string> {
    const command = parseMergeReasonsInput(input);
    await this.runner.run(reasonDecider, {
      stream: REASONS_STREAM,
      command,
      context: this.runner.context(actor, correlationId),
      describe: 'The reason catalog',
    });
    return command.from;
  }
}
