import { Field, ID, InputType } from '@nestjs/graphql';
import { VersionedInput } from '#shared/graphql';

/** What every update of one goal names: the goal, and the version the client saw. */
@InputType({ isAbstract: true })
export abstract class GoalUpdateInput extends VersionedInput {
  @Field(() => ID)
  goalId!: string;
}
