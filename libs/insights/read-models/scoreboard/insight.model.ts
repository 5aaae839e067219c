import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import {
  AttributionModelEnum,
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  ReasonKindEnum,
  TeamEnum,
  TrendEnum,
} from '#shared/graphql';
import { Reason } from '#reasons';

@ObjectType()
export class TeamCredit {
  @Field(() => TeamEnum)
  team!: TeamEnum;

  @Field(() => DecimalScalar, { description: 'Revenue credited to the team under the chosen model.' })
  creditedRevenue!: string;

  @Field(() => Float, { description: 'Won deals credited to the team under the chosen model (fractional for split models).' })
  creditedWins!: number;

  @Field(() => DecimalScalar, { description: 'Won revenue of deals this team sourced.' })
  sourcedRevenue!: string;

  @Field(() => DecimalScalar, { description: 'Won revenue of deals with at least one touch by this team.' })
  influencedRevenue!: string;
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
export class TeamCitations {
  @Field(() => TeamEnum)
  team!: TeamEnum;

  @Field(() => Int, { description: 'Perspectives of this team that cited the reason.' })
  perspectives!: number;
}

@ObjectType()
export class CompetitorCount {
  @Field()
  competitor!: string;

  @Field(() => Int)
  deals!: number;
}

@ObjectType()
export class ReasonInsight {
  @Field(() => Reason)
  reason!: Reason;

  @Field(() => Int, { description: 'Distinct closed deals in the window that cite the reason.' })
  deals!: number;

  @Field(() => Float, { description: 'deals / all closed deals of this kind in the window.' })
  share!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the amounts of those deals.' })
  revenue!: string;

  @Field(() => Int, { description: 'Same count over the window of equal length just before.' })
  previousDeals!: number;

  @Field(() => TrendEnum)
  trend!: TrendEnum;

  @Field()
  recurring!: boolean;

  @Field(() => [TeamCitations])
  citedBy!: TeamCitations[];

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the deals with perspectives from both teams where both cited it; null when there are none.',
  })
  agreement!: number | null;

  @Field(() => [CompetitorCount])
  competitors!: CompetitorCount[];

  @Field(() => DateTimeScalar)
  lastSeenAt!: string;
}

@ObjectType()
export class ReasonReport {
  @Field(() => ReasonKindEnum)
  kind!: ReasonKindEnum;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field(() => Int)
  deals!: number;

  @Field(() => DecimalScalar)
  revenue!: string;

  @Field(() => [ReasonInsight], { description: 'All cited reasons, most deals first.' })
  reasons!: ReasonInsight[];

  @Field(() => [ReasonInsight], { description: 'The reasons with recurring = true, most deals first.' })
  recurring!: ReasonInsight[];
}

@ObjectType()
export class Scoreboard {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => AttributionModelEnum)
  model!: AttributionModelEnum;

  @Field(() => DecimalScalar)
  wonRevenue!: string;

  @Field(() => Int)
  wonDeals!: number;

  @Field(() => [TeamCredit], { description: 'One row per team, MARKETING first.' })
  credit!: TeamCredit[];
}
