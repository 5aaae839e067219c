import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, graphQLEnum, PageInfo } from '#shared/graphql';
import { Deal, HistoryEntry } from '#deals';
import { Reason } from '#reasons';
import { LEAD_STATUSES, type LeadStatus } from '../../domain/index.js';

export const LeadStatusEnum = graphQLEnum(LEAD_STATUSES, 'LeadStatus');

@ObjectType()
export class Lead {
  @Field(() => ID)
  id!: string;

  @Field()
  account!: string;

  @Field(() => String, { nullable: true })
  contact!: string | null;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field()
  channel!: string;

  @Field(() => String, { nullable: true })
  campaign!: string | null;

  @Field(() => LeadStatusEnum)
  status!: LeadStatus;

  @Field(() => [ID], { description: 'Of the latest handoff.' })
  criteriaMet!: string[];

  @Field(() => Int)
  agreementVersion!: number;

  @Field()
  meetsAgreement!: boolean;

  @Field(() => DateTimeScalar)
  handedOffAt!: string;

  @Field(() => DateTimeScalar)
  respondBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: string | null;

  @Field({ description: 'No response yet and respondBy has passed.' })
  overdue!: boolean;

  @Field({ description: 'Responded after respondBy, or overdue.' })
  late!: boolean;

  @Field(() => Reason, { nullable: true, description: 'Why the latest handoff was rejected, as currently named in the catalog.' })
  rejectionReason!: Reason | null;

  @Field(() => String, { nullable: true, description: 'The latest note given with the latest handoff, its rejection or its recycling.' })
  note!: string | null;

  @Field(() => Int, { description: 'How many times the lead was handed off (re-handoffs after recycling included).' })
  handoffs!: number;

  @Field(() => Deal, { nullable: true, description: 'The deal it was converted into.' })
  deal!: Deal | null;

  @Field(() => [HistoryEntry])
  history!: HistoryEntry[];

  @Field(() => Int, { description: 'The stream revision of the last event: pass it back as expectedVersion.' })
  version!: number;
}

@ObjectType()
class LeadEdge {
  @Field(() => Lead)
  node!: Lead;

  @Field()
  cursor!: string;
}

@ObjectType()
export class LeadConnection {
  @Field(() => [LeadEdge])
  edges!: LeadEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
