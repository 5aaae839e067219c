import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AttributionModelEnum, DateScalar, DecimalScalar } from '#shared/graphql';
import { TeamCredit } from '../team-credit.model.js';

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
