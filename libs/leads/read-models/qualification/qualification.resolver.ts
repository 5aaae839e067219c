import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock } from '#shared/application';
import { CurrentRequest, requestNow, type RequestContext } from '#shared/graphql';
import { QualificationAgreement } from './qualification.model.js';
import { QualificationReader, type QualificationAgreementRow } from './qualification.reader.js';

@Resolver(() => QualificationAgreement)
export class QualificationResolver {
  constructor(
    private readonly reader: QualificationReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => QualificationAgreement)
  qualification(@CurrentRequest() request: RequestContext): QualificationAgreementRow {
    return this.reader.agreement(requestNow(request, this.clock));
  }
}
