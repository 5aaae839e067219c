import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';

@InputType()
export class RecordTouchInput {
  @Field(() => ID)
  dealId!: string;

  @Field(() => ID, { nullable: true, description: 'Optional client-chosen id; repeating it is idempotent.' })
  touchId?: string | null;

  @Field(() => TeamEnum)
  team!: Team;

  @Field(() => String)
  channel!: string;

  @Field(() => String, { nullable: true })
  campaign?: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
