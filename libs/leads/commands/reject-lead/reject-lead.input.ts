import { Field, ID, InputType } from '@nestjs/graphql';
import { LeadUpdateInput } from '../lead-update.input.js';

@InputType()
export class RejectLeadInput extends LeadUpdateInput {
  @Field(() => ID)
  reasonCode!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
