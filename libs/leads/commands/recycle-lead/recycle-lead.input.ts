import { Field, InputType } from '@nestjs/graphql';
import { LeadUpdateInput } from '../lead-update.input.js';

@InputType()
export class RecycleLeadInput extends LeadUpdateInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}
