import { Field, InputType } from '@nestjs/graphql';
import { DealStageEnum } from '../../read-models/deal/deal.model.js';
import type { DealStage } from '../../domain/index.js';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class MoveDealStageInput extends DealUpdateInput {
  @Field(() => DealStageEnum)
  stage!: DealStage;
}
