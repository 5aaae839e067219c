import { Field, ObjectType } from '@nestjs/graphql';
import type { Team } from '#shared';
import { TeamEnum } from './enums.js';
import { DateTimeScalar } from './scalars.js';

/** A team lead's signature on a shared number or agreement: who, for which team, when. */
@ObjectType({ isAbstract: true })
export abstract class Endorsement {
  @Field(() => TeamEnum)
  team!: Team;

  @Field()
  by!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}
