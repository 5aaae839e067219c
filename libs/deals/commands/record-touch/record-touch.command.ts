import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner, type Versioned } from '#shared/application';
import { dealAggregate, parseRecordTouchInput, type RecordTouchFields } from '../../domain/index.js';

/** Answers the id of the deal touched. */
export class RecordTouchCommand extends CallerCommand<Versioned<RecordTouchFields>> {}

@CommandHandler(RecordTouchCommand)
export class RecordTouchHandler implements ICommandHandler<RecordTouchCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: RecordTouchCommand): Promise<string> {
    const command = parseRecordTouchInput(input);
    await this.runner.handle(dealAggregate, command.dealId, command, caller, input.expectedVersion);
    return command.dealId;
  }
}
