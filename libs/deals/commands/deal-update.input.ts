import { Field, ID, InputType } from '@nestjs/graphql';
import { VersionedInput } from '#shared/graphql';

/** What every update of one deal names: the deal, and the version the client saw. */
@InputType({ isAbstract: true })
export abstract class DealUpdateInput extends VersionedInput {
  @Field(() => ID)
  dealId!: string;
}
