import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, TeamEnum } from '#shared/graphql';

@InputType()
export class AddActionItemInput {
  @Field(() => ID)
  retrospectiveId!: string;

  @Field(() => TeamEnum)
  ownerTeam!: TeamEnum;

  @Field(() => String)
  description!: string;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
