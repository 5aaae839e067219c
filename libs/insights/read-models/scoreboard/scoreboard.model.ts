import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '#shared/graphql';
import { AttributionModelEnum, TeamCredit } from '../team-credit.model.js';
import type { AttributionModel } from '../../domain/index.js';

@ObjectType()
export class Scoreboard {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => AttributionModelEnum)
  model!: AttributionModel;

  @Field(() => DecimalScalar)
  wonRevenue!: string;

  @Field(() => Int)
  wonDeals!: number;

  @Field(() => [TeamCredit], { description: 'One row per team, MARKETING first.' })
  credit!: TeamCredit[];
}
