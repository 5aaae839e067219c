import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, Endorsement, graphQLEnum } from '#shared/graphql';
import { GOAL_STATUSES, type GoalStatus } from '../../domain/index.js';

export const GoalStatusEnum = graphQLEnum(GOAL_STATUSES, 'GoalStatus');

@ObjectType()
export class GoalEndorsement extends Endorsement {}

@ObjectType()
export class GoalTargetChange {
  @Field(() => DecimalScalar, { nullable: true })
  from!: string | null;

  @Field(() => DecimalScalar)
  to!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  by!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType()
export class SharedGoal {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => DateScalar)
  periodStart!: string;

  @Field(() => DateScalar)
  periodEnd!: string;

  @Field(() => DecimalScalar)
  target!: string;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field(() => GoalStatusEnum)
  status!: GoalStatus;

  @Field(() => [GoalEndorsement])
  endorsements!: GoalEndorsement[];

  @Field(() => [GoalTargetChange])
  targetHistory!: GoalTargetChange[];

  @Field(() => Int)
  version!: number;
}
