import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { dealDecider, parseRecordTouchInput, streamFor } from '../../domain/index.js';
import { RecordTouchCommand } from './record-touch.command.js';

@CommandHandler(RecordTouchCommand)
export class RecordTouchHandler implements ICommandHandler<RecordTouchCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: RecordTouchCommand): Promise<string> {
    const command = parseRecordTouchInput(input);
    await this.runner.run(dealDecider, {
      stream: streamFor(command.dealId),
      command,
      context: this.runner.context(actor, correlationId),
      expectedVersion: input.expectedVersion ?? null,
      describe: `Deal "${command.dealId}"`,
    });
    return command.dealId;
  }
}
