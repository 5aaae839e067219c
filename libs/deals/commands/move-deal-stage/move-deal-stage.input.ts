import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DealStageEnum } from '../../read-models/deal/deal.model.js';
import type { DealStage } from '../../domain/index.js';

@InputType()
export class MoveDealStageInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => DealStageEnum)
  stage!: DealStage;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
