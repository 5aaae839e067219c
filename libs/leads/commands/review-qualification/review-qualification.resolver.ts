import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '#shared';
import { CLOCK, type Clock } from '#shared/application';
import { CurrentCaller } from '#shared/graphql';
import { QualificationAgreement } from '../../read-models/qualification/qualification.model.js';
import { QualificationReader, type QualificationAgreementRow } from '../../read-models/qualification/qualification.reader.js';
import { ReviewQualificationCommand } from './review-qualification.command.js';
import { ReviewQualificationInput } from './review-qualification.input.js';

@Resolver(() => QualificationAgreement)
export class ReviewQualificationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: QualificationReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => QualificationAgreement)
  async reviewQualification(@Args('input') input: ReviewQualificationInput, @CurrentCaller() caller: Caller): Promise<QualificationAgreementRow> {
    await this.commands.execute(new ReviewQualificationCommand(input, caller));
    return this.reader.agreement(this.clock.now());
  }
}
