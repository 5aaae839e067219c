import { Args, ID, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordedEvent } from '#event-store';
import { liveFeed, ProjectionRunner } from '#projections';
import { Reason, ReasonsReader, survivingReason, type ReasonRow } from '#reasons';
import { CurrentRequest, freshDelivery, pageSize, type RequestContext } from '#shared/graphql';
import { Deal, DealConnection, DealStatusEnum, HistoryEntry, Touch } from './deal.model.js';
import { DEALS_PROJECTION } from './deal.projection.js';
import { dealHistoryLoader, dealTouchesLoader } from './deal-loader.js';
import { DealsReader, type DealPage, type DealRow, type HistoryRow, type TouchRow } from './deals.reader.js';
import type { DealStatus } from '../../domain/index.js';

const CLOSING_EVENTS = new Set(['DealWon', 'DealLost']);

@Resolver(() => Deal)
export class DealResolver {
  constructor(
    private readonly reader: DealsReader,
    private readonly reasons: ReasonsReader,
    private readonly projections: ProjectionRunner,
  ) {}

  @Query(() => Deal, { nullable: true })
  deal(@Args('id', { type: () => ID }) id: string): DealRow | null {
    return this.reader.byId(id);
  }

  @Query(() => DealConnection)
  deals(
    @Args('status', { type: () => DealStatusEnum, nullable: true }) status: DealStatus | null,
    @Args('segment', { type: () => String, nullable: true }) segment: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): DealPage {
    return this.reader.page({ status: status ?? null, segment: segment ?? null }, pageSize(first), after ?? null);
  }

  @Subscription(() => Deal, { resolve: freshDelivery })
  dealClosed(): AsyncIterableIterator<DealRow> {
    return liveFeed(this.projections, [DEALS_PROJECTION], (events: readonly RecordedEvent[]) => {
      const ids = [...new Set(events.filter((event) => CLOSING_EVENTS.has(event.type)).map((event) => String(event.data['dealId'])))];
      if (ids.length === 0) return [];
      const rows = this.reader.byIds(ids);
      // The row is the deal as it is now: one reopened in the same batch is no longer closed.
      return ids.flatMap((id) => {
        const row = rows.get(id);
        return row !== undefined && row.status !== 'OPEN' ? [row] : [];
      });
    });
  }

  @ResolveField(() => [Touch])
  async touches(@Parent() deal: DealRow, @CurrentRequest() request: RequestContext): Promise<TouchRow[]> {
    return (await dealTouchesLoader(this.reader, request).load(deal.id)) ?? [];
  }

  @ResolveField(() => [HistoryEntry])
  async history(@Parent() deal: DealRow, @CurrentRequest() request: RequestContext): Promise<HistoryRow[]> {
    return (await dealHistoryLoader(this.reader, request).load(deal.id)) ?? [];
  }

  /** The reason under its current name: a reason merged since counts as its survivor, through chains. */
  @ResolveField(() => Reason, { nullable: true })
  async lossReason(@Parent() deal: DealRow, @CurrentRequest() request: RequestContext): Promise<ReasonRow | null> {
    return deal.lossReasonCode === null ? null : survivingReason(this.reasons, request, deal.lossReasonCode);
  }
}
