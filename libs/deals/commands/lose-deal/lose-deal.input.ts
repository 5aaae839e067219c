import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '#shared/graphql';

@InputType()
export class LoseDealInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => ID)
  reasonCode!: string;

  @Field(() => String, { nullable: true })
  competitor?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
