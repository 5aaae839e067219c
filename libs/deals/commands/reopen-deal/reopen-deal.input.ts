import { Field, InputType } from '@nestjs/graphql';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class ReopenDealInput extends DealUpdateInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}
