import { Field, ID, InputType } from '@nestjs/graphql';
import { RetrospectiveUpdateInput } from '../retrospective-update.input.js';

@InputType()
export class FilePerspectiveInput extends RetrospectiveUpdateInput {
  @Field(() => [ID])
  reasonCodes!: string[];

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
