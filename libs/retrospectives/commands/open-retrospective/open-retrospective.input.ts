import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class OpenRetrospectiveInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  dealId!: string;
}
