import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '#shared/graphql';

@InputType()
export class ReviseDealInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => DecimalScalar, { nullable: true })
  amount?: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
