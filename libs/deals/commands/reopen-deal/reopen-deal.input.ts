import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ReopenDealInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
