import { Field, InputType } from '@nestjs/graphql';
import { DateScalar, TeamEnum } from '#shared/graphql';
import type { Team } from '#shared';
import { RetrospectiveUpdateInput } from '../retrospective-update.input.js';

@InputType()
export class AddActionItemInput extends RetrospectiveUpdateInput {
  @Field(() => TeamEnum)
  ownerTeam!: Team;

  @Field(() => String)
  description!: string;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;
}
