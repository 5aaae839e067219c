import { Field, Float, ObjectType } from '@nestjs/graphql';
import { formatAmount, type Currency, type Team } from '#shared';
import { DecimalScalar, graphQLEnum, TeamEnum } from '#shared/graphql';
import { ATTRIBUTION_MODELS, type TeamCreditFigures } from '../domain/index.js';

export const AttributionModelEnum = graphQLEnum(ATTRIBUTION_MODELS, 'AttributionModel');

@ObjectType()
export class TeamCredit {
  @Field(() => TeamEnum)
  team!: Team;

  @Field(() => DecimalScalar, { description: 'Revenue credited to the team under the chosen model.' })
  creditedRevenue!: string;

  @Field(() => Float, { description: 'Won deals credited to the team under the chosen model (fractional for split models).' })
  creditedWins!: number;

  @Field(() => DecimalScalar, { description: 'Won revenue of deals this team sourced.' })
  sourcedRevenue!: string;

  @Field(() => DecimalScalar, { description: 'Won revenue of deals with at least one touch by this team.' })
  influencedRevenue!: string;
}

/** The GraphQL TeamCredit, with Decimal fields as exact strings. */
export interface TeamCreditView {
  readonly team: 'MARKETING' | 'SALES';
  readonly creditedRevenue: string;
  readonly creditedWins: number;
  readonly sourcedRevenue: string;
  readonly influencedRevenue: string;
}

export function teamCreditView(row: TeamCreditFigures, currency: Currency): TeamCreditView {
  return {
    team: row.team,
    creditedRevenue: formatAmount(row.creditedRevenueMinor, currency),
    creditedWins: row.creditedWins,
    sourcedRevenue: formatAmount(row.sourcedRevenueMinor, currency),
    influencedRevenue: formatAmount(row.influencedRevenueMinor, currency),
  };
}
