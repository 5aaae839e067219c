import { Field, ID, InputType } from '@nestjs/graphql';
import { VersionedInput } from '#shared/graphql';

/** What every update of one lead names: the lead, and the version the client saw. */
@InputType({ isAbstract: true })
export abstract class LeadUpdateInput extends VersionedInput {
  @Field(() => ID)
  leadId!: string;
}
