import { Module } from '@nestjs/common';
import { DealsModule } from '#deals';
import { ReasonsModule } from '#reasons';
import { QualificationSource } from './application/qualification-source.js';
import { AcceptLeadHandler } from './commands/accept-lead/accept-lead.command.js';
import { AcceptLeadResolver } from './commands/accept-lead/accept-lead.resolver.js';
import { ConvertLeadHandler } from './commands/convert-lead/convert-lead.command.js';
import { ConvertLeadResolver } from './commands/convert-lead/convert-lead.resolver.js';
import { EndorseQualificationHandler } from './commands/endorse-qualification/endorse-qualification.command.js';
import { EndorseQualificationResolver } from './commands/endorse-qualification/endorse-qualification.resolver.js';
import { HandOffLeadHandler } from './commands/hand-off-lead/hand-off-lead.command.js';
import { HandOffLeadResolver } from './commands/hand-off-lead/hand-off-lead.resolver.js';
import { ProposeQualificationHandler } from './commands/propose-qualification/propose-qualification.command.js';
import { ProposeQualificationResolver } from './commands/propose-qualification/propose-qualification.resolver.js';
import { RecycleLeadHandler } from './commands/recycle-lead/recycle-lead.command.js';
import { RecycleLeadResolver } from './commands/recycle-lead/recycle-lead.resolver.js';
import { RejectLeadHandler } from './commands/reject-lead/reject-lead.command.js';
import { RejectLeadResolver } from './commands/reject-lead/reject-lead.resolver.js';
import { ReviewQualificationHandler } from './commands/review-qualification/review-qualification.command.js';
import { ReviewQualificationResolver } from './commands/review-qualification/review-qualification.resolver.js';
import { LeadFunnelReader } from './read-models/lead-funnel/lead-funnel.reader.js';
import { LeadFunnelResolver, RejectionReasonCountResolver } from './read-models/lead-funnel/lead-funnel.resolver.js';
import { DealLeadResolver, LeadResolver } from './read-models/lead/lead.resolver.js';
import { LeadsReader } from './read-models/lead/leads.reader.js';
import { QualificationReader } from './read-models/qualification/qualification.reader.js';
import { QualificationResolver } from './read-models/qualification/qualification.resolver.js';

/** Leads: the agreement both team leads sign, marketing's handoffs, sales' answers, the funnel of both. */
@Module({
  imports: [ReasonsModule, DealsModule],
  providers: [
    QualificationSource,
    QualificationReader,
    LeadsReader,
    LeadFunnelReader,
    // commands
    ProposeQualificationHandler,
    ProposeQualificationResolver,
    EndorseQualificationHandler,
    EndorseQualificationResolver,
    ReviewQualificationHandler,
    ReviewQualificationResolver,
    HandOffLeadHandler,
    HandOffLeadResolver,
    AcceptLeadHandler,
    AcceptLeadResolver,
    RejectLeadHandler,
    RejectLeadResolver,
    RecycleLeadHandler,
    RecycleLeadResolver,
    ConvertLeadHandler,
    ConvertLeadResolver,
    // read models
    QualificationResolver,
    LeadResolver,
    DealLeadResolver,
    LeadFunnelResolver,
    RejectionReasonCountResolver,
  ],
})
export class LeadsModule {}
