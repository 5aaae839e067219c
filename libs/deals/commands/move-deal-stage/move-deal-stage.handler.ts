import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '#shared/application';
import { dealDecider, parseMoveDealStageInput, streamFor } from '../../domain/index.js';
import { MoveDealStageCommand } from './move-deal-stage.command.js';

@CommandHandler(MoveDealStageCommand)
export class MoveDealStageHandler implements ICommandHandler<MoveDealStageCommand, string> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, actor, correlationId }: MoveDealStageCommand): Promise<string> {
    const command = parseMoveDealStageInput(input);
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
