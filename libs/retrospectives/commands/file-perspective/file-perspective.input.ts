import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class FilePerspectiveInput {
  @Field(() => ID)
  retrospectiveId!: string;

  @Field(() => [ID])
  reasonCodes!: string[];

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
