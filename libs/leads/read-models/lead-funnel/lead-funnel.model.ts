import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '#shared/graphql';
import { Reason } from '#reasons';

@ObjectType()
export class RejectionReasonCount {
  @Field(() => Reason)
  reason!: Reason;

  @Field(() => Int)
  leads!: number;

  @Field(() => Float, { description: 'leads / rejected.' })
  share!: number;
}

@ObjectType()
export class LeadFunnelVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => Int)
  handedOff!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Float, { nullable: true })
  acceptanceRate!: number | null;
}

@ObjectType()
export class LeadFunnel {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => DateTimeScalar)
  asOf!: string;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field(() => String, { nullable: true })
  campaign!: string | null;

  @Field(() => Int)
  handedOff!: number;

  @Field(() => Int)
  meetingAgreement!: number;

  @Field(() => Int)
  belowAgreement!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  recycled!: number;

  @Field(() => Int)
  converted!: number;

  @Field(() => Int)
  won!: number;

  @Field(() => DecimalScalar)
  wonRevenue!: string;

  @Field(() => Float, { nullable: true })
  acceptanceRate!: number | null;

  @Field(() => Float, { nullable: true })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true })
  winRate!: number | null;

  @Field(() => Float, { nullable: true })
  responseHoursP50!: number | null;

  @Field(() => Float, { nullable: true })
  responseHoursP90!: number | null;

  @Field(() => Int)
  late!: number;

  @Field(() => Float, { nullable: true })
  lateRate!: number | null;

  @Field(() => [RejectionReasonCount])
  rejectionReasons!: RejectionReasonCount[];

  @Field(() => [LeadFunnelVersion])
  byVersion!: LeadFunnelVersion[];
}
