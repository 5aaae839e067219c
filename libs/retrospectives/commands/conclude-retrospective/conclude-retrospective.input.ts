import { Field, ID, InputType } from '@nestjs/graphql';
import { RetrospectiveUpdateInput } from '../retrospective-update.input.js';

@InputType()
export class ConcludeRetrospectiveInput extends RetrospectiveUpdateInput {
  @Field(() => [ID])
  agreedReasonCodes!: string[];

  @Field(() => String)
  summary!: string;
}
