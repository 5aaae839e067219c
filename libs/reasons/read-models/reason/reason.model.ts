import { Field, ID, ObjectType } from '@nestjs/graphql';
import { graphQLEnum } from '#shared/graphql';
import { REASON_CATEGORIES, REASON_KINDS, type ReasonCategory, type ReasonKind } from '../../domain/index.js';

export const ReasonKindEnum = graphQLEnum(REASON_KINDS, 'ReasonKind');
export const ReasonCategoryEnum = graphQLEnum(REASON_CATEGORIES, 'ReasonCategory');

@ObjectType()
export class Reason {
  @Field(() => ID)
  code!: string;

  @Field()
  label!: string;

  @Field(() => ReasonCategoryEnum)
  category!: ReasonCategory;

  @Field(() => ReasonKindEnum)
  kind!: ReasonKind;

  @Field()
  retired!: boolean;

  @Field(() => Reason, { nullable: true, description: 'Set when this reason was merged into another; insights count it there.' })
  mergedInto!: Reason | null;
}
