import { Field, ID, InputType } from '@nestjs/graphql';
import { VersionedInput } from '#shared/graphql';

/** What every update of one retrospective names: the retrospective, and the version the client saw. */
@InputType({ isAbstract: true })
export abstract class RetrospectiveUpdateInput extends VersionedInput {
  @Field(() => ID)
  retrospectiveId!: string;
}
