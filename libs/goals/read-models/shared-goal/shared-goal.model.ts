import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TeamCredit } from '#insights';
import { AttributionModelEnum, DateScalar, DateTimeScalar, DecimalScalar, GoalStatusEnum, TeamEnum } from '#shared/graphql';

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
export class GoalProgress {
  @Field(() => DateTimeScalar)
  asOf!: string;

  @Field(() => AttributionModelEnum)
  model!: AttributionModelEnum;

  @Field(() => DecimalScalar)
  target!: string;

  @Field(() => DecimalScalar, { description: 'Won revenue in scope, each deal counted once.' })
  wonRevenue!: string;

  @Field(() => Int)
  wonDeals!: number;

  @Field(() => Int)
  lostDeals!: number;

  @Field(() => Float, { description: 'wonRevenue / target.' })
  attainment!: number;

  @Field(() => Float, { description: 'Share of the period elapsed at asOf, from 0 to 1.' })
  expectedAttainment!: number;

  @Field()
  onPace!: boolean;

  @Field(() => DecimalScalar)
  remaining!: string;

  @Field(() => DecimalScalar, { description: 'Open deals in scope expected to close inside the period.' })
  openPipeline!: string;

  @Field(() => Float, { nullable: true, description: 'openPipeline / remaining; null when nothing remains.' })
  pipelineCoverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'wonDeals / (wonDeals + lostDeals); null when none closed.' })
  winRate!: number | null;

  @Field(() => Float, { nullable: true, description: '1 / winRate; null when winRate is null or 0.' })
  requiredCoverage!: number | null;

  @Field(() => [TeamCredit], { description: 'One row per team, MARKETING first.' })
  credit!: TeamCredit[];
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

@ObjectType()
export class GoalProgressUpdate {
  @Field(() => ID)
  goalId!: string;

  @Field(() => GoalProgress)
  progress!: GoalProgress;
}
