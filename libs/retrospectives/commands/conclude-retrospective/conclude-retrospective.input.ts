import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ConcludeRetrospectiveInput {
  @Field(() => ID)
  retrospectiveId!: string;

  @Field(() => [ID])
  agreedReasonCodes!: string[];

  @Field(() => String)
  summary!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
