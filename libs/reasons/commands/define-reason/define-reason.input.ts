import { Field, ID, InputType } from '@nestjs/graphql';
import { ReasonCategoryEnum, ReasonKindEnum } from '#shared/graphql';

@InputType()
export class DefineReasonInput {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => ReasonCategoryEnum)
  category!: ReasonCategoryEnum;

  @Field(() => ReasonKindEnum)
  kind!: ReasonKindEnum;
}
