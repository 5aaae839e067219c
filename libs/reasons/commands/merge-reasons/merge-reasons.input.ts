import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class MergeReasonsInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  into!: string;
}
