import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ReviewQualificationInput {
  @Field(() => String, { nullable: true })
  note?: string | null;
}
