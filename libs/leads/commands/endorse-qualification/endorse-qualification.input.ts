import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class EndorseQualificationInput {
  @Field(() => Int)
  version!: number;
}
