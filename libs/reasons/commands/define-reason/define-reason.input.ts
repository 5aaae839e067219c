import { Field, ID, InputType } from '@nestjs/graphql';
import { ReasonCategoryEnum, ReasonKindEnum } from '../../read-models/reason/reason.model.js';
import type { ReasonCategory, ReasonKind } from '../../domain/index.js';

@InputType()
export class DefineReasonInput {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => ReasonCategoryEnum)
  category!: ReasonCategory;

  @Field(() => ReasonKindEnum)
  kind!: ReasonKind;
}
