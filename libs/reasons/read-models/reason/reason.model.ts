import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ReasonCategoryEnum, ReasonKindEnum } from '#shared/graphql';

@ObjectType()
export class Reason {
  @Field(() => ID)
  code!: string;

  @Field()
  label!: string;

  @Field(() => ReasonCategoryEnum)
  category!: ReasonCategoryEnum;

  @Field(() => ReasonKindEnum)
  kind!: ReasonKindEnum;

  @Field()
  retired!: boolean;

  @Field(() => Reason, { nullable: true, description: 'Set when this reason was merged into another; insights count it there.' })
  mergedInto!: Reason | null;
}
