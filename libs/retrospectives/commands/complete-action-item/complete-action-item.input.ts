import { Field, ID, InputType } from '@nestjs/graphql';
import { RetrospectiveUpdateInput } from '../retrospective-update.input.js';

@InputType()
export class CompleteActionItemInput extends RetrospectiveUpdateInput {
  @Field(() => ID)
  actionItemId!: string;
}
