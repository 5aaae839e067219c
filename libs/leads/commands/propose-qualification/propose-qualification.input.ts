import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class QualificationCriterionInput {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  required?: boolean | null;
}

@InputType()
export class ProposeQualificationInput {
  @Field(() => [QualificationCriterionInput])
  criteria!: QualificationCriterionInput[];

  @Field(() => Int)
  minimumMet!: number;

  @Field(() => Int)
  respondWithinHours!: number;

  @Field(() => Int)
  reviewEveryDays!: number;
}
