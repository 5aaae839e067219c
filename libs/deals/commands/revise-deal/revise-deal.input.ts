import { Field, InputType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '#shared/graphql';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class ReviseDealInput extends DealUpdateInput {
  @Field(() => DecimalScalar, { nullable: true })
  amount?: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseDate?: string | null;
}
