import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';
import { DealUpdateInput } from '../deal-update.input.js';

@InputType()
export class RecordTouchInput extends DealUpdateInput {
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
}
