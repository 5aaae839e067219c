import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DealCommands } from '../../application/deal-commands.js';
import { parseRecordTouchInput } from '../../domain/index.js';
import { RecordTouchCommand } from './record-touch.command.js';

@CommandHandler(RecordTouchCommand)
export class RecordTouchHandler implements ICommandHandler<RecordTouchCommand, string> {
  constructor(private readonly deals: DealCommands) {}

  async execute({ input, actor, correlationId }: RecordTouchCommand): Promise<string> {
    const command = parseRecordTouchInput(input);
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
