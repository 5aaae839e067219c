import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, graphQLEnum, PageInfo, TeamEnum } from '#shared/graphql';
import { DealStatusEnum, type DealStatus } from '#deals';
import type { Team } from '#shared';
import { RETROSPECTIVE_STATUSES, type RetrospectiveStatus } from '../../domain/index.js';

export const RetrospectiveStatusEnum = graphQLEnum(RETROSPECTIVE_STATUSES, 'RetrospectiveStatus');

// `deal`, `perspectives.reasons` and `agreedReasons` are resolved fields (batched), declared
// by the resolvers that load them.

@ObjectType()
export class Perspective {
  @Field(() => TeamEnum)
  team!: Team;

  @Field()
  author!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => DateTimeScalar)
  filedAt!: string;

  reasonCodes!: string[];
}

@ObjectType()
class ActionItem {
  @Field(() => ID)
  id!: string;

  @Field(() => TeamEnum)
  ownerTeam!: Team;

  @Field()
  description!: string;

  @Field(() => DateScalar, { nullable: true })
  dueDate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: string | null;
}

@ObjectType()
export class Retrospective {
  @Field(() => ID)
  id!: string;

  dealId!: string;

  @Field(() => DealStatusEnum)
  outcome!: DealStatus;

  @Field(() => RetrospectiveStatusEnum)
  status!: RetrospectiveStatus;

  @Field(() => [Perspective])
  perspectives!: Perspective[];

  agreedReasonCodes!: string[];

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [ActionItem])
  actionItems!: ActionItem[];

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  concludedAt!: string | null;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
class RetrospectiveEdge {
  @Field(() => Retrospective)
  node!: Retrospective;

  @Field()
  cursor!: string;
}

@ObjectType()
export class RetrospectiveConnection {
  @Field(() => [RetrospectiveEdge])
  edges!: RetrospectiveEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
