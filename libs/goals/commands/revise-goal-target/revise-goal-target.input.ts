import { Field, InputType } from '@nestjs/graphql';
import { DecimalScalar } from '#shared/graphql';
import { GoalUpdateInput } from '../goal-update.input.js';

@InputType()
export class ReviseGoalTargetInput extends GoalUpdateInput {
  @Field(() => DecimalScalar)
  target!: string;

  @Field(() => String)
  reason!: string;
}
