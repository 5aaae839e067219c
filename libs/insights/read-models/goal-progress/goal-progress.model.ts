import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, DecimalScalar } from '#shared/graphql';
import { AttributionModelEnum, TeamCredit } from '../team-credit.model.js';
import type { AttributionModel } from '../../domain/index.js';

@ObjectType()
export class GoalProgress {
  @Field(() => DateTimeScalar)
  asOf!: string;

  @Field(() => AttributionModelEnum)
  model!: AttributionModel;

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
export class GoalProgressUpdate {
  @Field(() => ID)
  goalId!: string;

  @Field(() => GoalProgress)
  progress!: GoalProgress;
}
