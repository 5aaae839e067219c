import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RetrospectiveCommands } from '../../application/retrospective-commands.js';
import { parseOpenRetrospectiveInput } from '../../domain/index.js';
import { OpenRetrospectiveCommand } from './open-retrospective.command.js';

@CommandHandler(OpenRetrospectiveCommand)
export class OpenRetrospectiveHandler implements ICommandHandler<OpenRetrospectiveCommand, string> {
  constructor(private readonly retrospectives: RetrospectiveCommands) {}

  async execute({ input, actor, correlationId }: OpenRetrospectiveCommand): Promise<string> {
    const request = parseOpenRetrospectiveInput(input);
    // From the deal's own stream, not the read model: a closure recorded a moment ago counts.
    const deal = await this.retrospectives.deal(request.dealId);
    return this.retrospectives.open({ ...request, deal }, { actor, correlationId });
  }
}
