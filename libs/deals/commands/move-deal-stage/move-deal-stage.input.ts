import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DealStageEnum } from '#shared/graphql';

@InputType()
export class MoveDealStageInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => DealStageEnum)
  stage!: DealStageEnum;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
