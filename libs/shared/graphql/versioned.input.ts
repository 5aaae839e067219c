import { Field, InputType, Int } from '@nestjs/graphql';

/** What every update takes besides its own fields: the optional If-Match on its stream (PRODUCT §3). */
@InputType({ isAbstract: true })
export abstract class VersionedInput {
  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
