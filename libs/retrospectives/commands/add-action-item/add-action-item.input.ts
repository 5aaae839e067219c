import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';

@InputType()
export class AddActionItemInput {
  @Field(() => ID)
  retrospectiveId!: string;

  @Field(() => TeamEnum)
  ownerTeam!: Team;

  @Field(() => String)
  description!: string;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
