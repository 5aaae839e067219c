import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CloseSharedGoalInput {
  @Field(() => ID)
  goalId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
