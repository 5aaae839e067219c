import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '#shared/graphql';
import { LeadUpdateInput } from '../lead-update.input.js';

@InputType()
export class ConvertLeadInput extends LeadUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Optional client-chosen id of the new deal.' })
  dealId?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  owner!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseDate?: string | null;
}
