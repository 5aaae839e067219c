import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar, DecimalScalar } from '#shared/graphql';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class WinDealInput extends DealUpdateInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'Final amount; defaults to the current amount.' })
  amount?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; never in the future, never before openedAt.' })
  closedAt?: string | null;
}
