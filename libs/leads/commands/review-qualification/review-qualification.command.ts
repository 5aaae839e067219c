import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CallerCommand, CommandRunner } from '#shared/application';
import { parseReviewQualificationInput, qualificationAggregate, QUALIFICATION_STREAM, type ReviewQualificationFields } from '../../domain/index.js';

export class ReviewQualificationCommand extends CallerCommand<ReviewQualificationFields, void> {}

@CommandHandler(ReviewQualificationCommand)
export class ReviewQualificationHandler implements ICommandHandler<ReviewQualificationCommand, void> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, caller }: ReviewQualificationCommand): Promise<void> {
    await this.runner.handle(qualificationAggregate, QUALIFICATION_STREAM, parseReviewQualificationInput(input), caller);
  }
}
