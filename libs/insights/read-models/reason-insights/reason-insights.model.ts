import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Reason, ReasonKindEnum, type ReasonKind } from '#reasons';
import { DateScalar, DateTimeScalar, DecimalScalar, graphQLEnum, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';
import { TRENDS, type Trend } from '../../domain/index.js';

const TrendEnum = graphQLEnum(TRENDS, 'Trend');

@ObjectType()
class TeamCitations {
  @Field(() => TeamEnum)
  team!: Team;

  @Field(() => Int, { description: 'Perspectives of this team that cited the reason.' })
  perspectives!: number;
}

@ObjectType()
class CompetitorCount {
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
  trend!: Trend;

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
  kind!: ReasonKind;

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
