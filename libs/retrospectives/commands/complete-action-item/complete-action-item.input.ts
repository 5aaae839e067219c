import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CompleteActionItemInput {
  @Field(() => ID)
  retrospectiveId!: string;

  @Field(() => ID)
  actionItemId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
