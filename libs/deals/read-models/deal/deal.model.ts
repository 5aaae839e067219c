import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, graphQLEnum, PageInfo, TeamEnum } from '#shared/graphql';
import { Reason } from '#reasons';
import type { Team } from '#shared';
import { DEAL_STAGES, DEAL_STATUSES, type DealStage, type DealStatus } from '../../domain/index.js';

export const DealStatusEnum = graphQLEnum(DEAL_STATUSES, 'DealStatus');
export const DealStageEnum = graphQLEnum(DEAL_STAGES, 'DealStage');

@ObjectType()
export class Touch {
  @Field(() => ID)
  id!: string;

  @Field(() => TeamEnum)
  team!: Team;

  @Field()
  channel!: string;

  @Field(() => String, { nullable: true })
  campaign!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: string;
}

@ObjectType()
export class HistoryEntry {
  @Field(() => Int, { description: 'Stream revision of the event, from 0.' })
  revision!: number;

  @Field()
  type!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field()
  actor!: string;

  @Field()
  summary!: string;
}

@ObjectType()
export class Deal {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  account!: string;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field(() => TeamEnum)
  source!: Team;

  @Field()
  owner!: string;

  @Field(() => DealStageEnum)
  stage!: DealStage;

  @Field(() => DealStatusEnum)
  status!: DealStatus;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field()
  currency!: string;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseDate!: string | null;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => Reason, { nullable: true, description: 'Reason given when the deal was lost, as currently named in the catalog.' })
  lossReason!: Reason | null;

  @Field(() => String, { nullable: true })
  competitor!: string | null;

  @Field(() => [Touch])
  touches!: Touch[];

  @Field(() => Int, { description: 'How many times the deal has been closed (won or lost), reopenings included.' })
  closures!: number;

  @Field(() => [HistoryEntry], { description: 'Every event of the deal, oldest first.' })
  history!: HistoryEntry[];

  @Field(() => Int, { description: 'The stream revision of the last event: pass it back as expectedVersion.' })
  version!: number;
}

@ObjectType()
class DealEdge {
  @Field(() => Deal)
  node!: Deal;

  @Field()
  cursor!: string;
}

@ObjectType()
export class DealConnection {
  @Field(() => [DealEdge])
  edges!: DealEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
