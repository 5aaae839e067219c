import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';

@InputType()
export class OpenDealInput {
  @Field(() => ID, { nullable: true, description: 'Optional client-chosen id; repeating the same open with the same id is idempotent.' })
  id?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  account!: string;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => TeamEnum)
  source!: Team;

  @Field(() => String)
  owner!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; may be in the past, never in the future.' })
  openedAt?: string | null;
}
