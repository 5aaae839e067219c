import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseProposeQualificationInput, qualificationAggregate, QUALIFICATION_STREAM, type ProposeQualificationFields } from '../../domain/index.js';

export class ProposeQualificationCommand extends CallerCommand<ProposeQualificationFields, void> {}

@CommandHandler(ProposeQualificationCommand)
export class ProposeQualificationHandler implements ICommandHandler<ProposeQualificationCommand, void> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: ProposeQualificationCommand): Promise<void> {
    await this.runner.handle(qualificationAggregate, QUALIFICATION_STREAM, parseProposeQualificationInput(input), caller);
  }
}
