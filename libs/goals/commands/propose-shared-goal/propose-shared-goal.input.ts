import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '#shared/graphql';

@InputType()
export class ProposeSharedGoalInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  periodStart!: string;

  @Field(() => DateScalar)
  periodEnd!: string;

  @Field(() => DecimalScalar)
  target!: string;

  @Field(() => String, { nullable: true })
  segment?: string | null;
}
