import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar, DecimalScalar } from '#shared/graphql';

@InputType()
export class WinDealInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Final amount; defaults to the current amount.' })
  amount?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; never in the future, never before openedAt.' })
  closedAt?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
