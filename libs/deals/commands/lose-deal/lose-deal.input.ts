import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '#shared/graphql';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class LoseDealInput extends DealUpdateInput {
  @Field(() => ID)
  reasonCode!: string;

  @Field(() => String, { nullable: true })
  competitor?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt?: string | null;
}
