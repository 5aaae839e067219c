import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, GoalStatusEnum, TeamEnum } from '#shared/graphql';

@ObjectType()
export class GoalEndorsement {
  @Field(() => TeamEnum)
  team!: TeamEnum;

  @Field()
  by!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

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
  status!: GoalStatusEnum;

  @Field(() => [GoalEndorsement])
  endorsements!: GoalEndorsement[];

  @Field(() => [GoalTargetChange])
  targetHistory!: GoalTargetChange[];

  @Field(() => Int)
  version!: number;
}
