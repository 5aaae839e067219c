import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DecimalScalar } from '#shared/graphql';

@InputType()
export class ReviseGoalTargetInput {
  @Field(() => ID)
  goalId!: string;

  @Field(() => DecimalScalar)
  target!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
