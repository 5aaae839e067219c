import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseEndorseQualificationInput, qualificationAggregate, QUALIFICATION_STREAM, type EndorseQualificationFields } from '../../domain/index.js';

export class EndorseQualificationCommand extends CallerCommand<EndorseQualificationFields, void> {}

@CommandHandler(EndorseQualificationCommand)
export class EndorseQualificationHandler implements ICommandHandler<EndorseQualificationCommand, void> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: EndorseQualificationCommand): Promise<void> {
    await this.runner.handle(qualificationAggregate, QUALIFICATION_STREAM, parseEndorseQualificationInput(input), caller);
  }
}
