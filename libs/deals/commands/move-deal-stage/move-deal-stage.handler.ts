import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DealCommands } from '../../application/deal-commands.js';
import { parseMoveDealStageInput } from '../../domain/index.js';
import { MoveDealStageCommand } from './move-deal-stage.command.js';

@CommandHandler(MoveDealStageCommand)
export class MoveDealStageHandler implements ICommandHandler<MoveDealStageCommand, string> {
  constructor(private readonly deals: DealCommands) {}

  async execute({ input, actor, correlationId }: MoveDealStageCommand): Promise<string> {
    const command = parseMoveDealStageInput(input);
    return this.deals.run(command, { actor, correlationId }, input.expectedVersion);
  }
}
