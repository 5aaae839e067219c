import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordedEvent } from '#event-store';
import { Deal, dealLoader, DealsReader, HistoryEntry, type DealRow } from '#deals';
import { liveFeed, ProjectionRunner } from '#projections';
import { Reason, ReasonsReader, survivingReason, type ReasonRow } from '#reasons';
import { CLOCK, type Clock } from '#shared/application';
import { CurrentRequest, freshDelivery, pageSize, requestNow, type RequestContext } from '#shared/graphql';
import type { LeadStatus } from '../../domain/index.js';
import { leadByDealLoader, leadHistoryLoader } from './lead-loader.js';
import { Lead, LeadConnection, LeadStatusEnum } from './lead.model.js';
import { LEADS_PROJECTION } from './lead.projection.js';
import { LeadsReader, type LeadHistoryRow, type LeadPage, type LeadRow } from './leads.reader.js';

@Resolver(() => Lead)
export class LeadResolver {
  constructor(
    private readonly reader: LeadsReader,
    private readonly deals: DealsReader,
    private readonly reasons: ReasonsReader,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => Lead, { nullable: true })
  lead(@Args('id', { type: () => ID }) id: string): LeadRow | null {
    return this.reader.byId(id);
  }

  @Query(() => LeadConnection)
  leads(
    @Args('status', { type: () => LeadStatusEnum, nullable: true }) status: LeadStatus | null,
    @Args('segment', { type: () => String, nullable: true }) segment: string | null,
    @Args('campaign', { type: () => String, nullable: true }) campaign: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): LeadPage {
    return this.reader.page({ status: status ?? null, segment: segment ?? null, campaign: campaign ?? null }, pageSize(first), after ?? null);
  }

  @Query(() => [Lead], { description: "Leads awaiting sales' answer, earliest respondBy first." })
  leadInbox(@Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null): LeadRow[] {
    return this.reader.inbox(pageSize(first));
  }

  /** Every handoff, re-handoffs included, once the read model has it: sales' inbox live. */
  @Subscription(() => Lead, { resolve: freshDelivery, description: "Every new handoff, for sales' inbox." })
  leadHandedOff(): AsyncIterableIterator<LeadRow> {
    return liveFeed(this.projections, [LEADS_PROJECTION], (events: readonly RecordedEvent[]) => {
      const ids = events.filter((event) => event.type === 'LeadHandedOff').map((event) => String(event.data['leadId']));
      if (ids.length === 0) return [];
      const rows = this.reader.byIds(ids);
      return ids.flatMap((id) => rows.get(id) ?? []);
    });
  }

  /** By the server's clock at the request: neither side can set it. */
  @ResolveField(() => Boolean)
  overdue(@Parent() lead: LeadRow, @CurrentRequest() request: RequestContext): boolean {
    return lead.respondedAt === null && requestNow(request, this.clock) > Date.parse(lead.respondBy);
  }

  @ResolveField(() => Boolean)
  late(@Parent() lead: LeadRow, @CurrentRequest() request: RequestContext): boolean {
    const respondBy = Date.parse(lead.respondBy);
    return lead.respondedAt === null ? requestNow(request, this.clock) > respondBy : Date.parse(lead.respondedAt) > respondBy;
  }

  @ResolveField(() => Reason, { nullable: true })
  async rejectionReason(@Parent() lead: LeadRow, @CurrentRequest() request: RequestContext): Promise<ReasonRow | null> {
    return lead.rejectionReasonCode === null ? null : survivingReason(this.reasons, request, lead.rejectionReasonCode);
  }

  @ResolveField(() => Deal, { nullable: true })
  async deal(@Parent() lead: LeadRow, @CurrentRequest() request: RequestContext): Promise<DealRow | null> {
    return lead.dealId === null ? null : dealLoader(this.deals, request).load(lead.dealId);
  }

  @ResolveField(() => [HistoryEntry])
  async history(@Parent() lead: LeadRow, @CurrentRequest() request: RequestContext): Promise<LeadHistoryRow[]> {
    return (await leadHistoryLoader(this.reader, request).load(lead.id)) ?? [];
  }
}

/** Leads' side of a deal: the lead it was converted from. */
@Resolver(() => Deal)
export class DealLeadResolver {
  constructor(private readonly reader: LeadsReader) {}

  @ResolveField(() => Lead, { nullable: true, description: 'The lead this deal was converted from, if any.' })
  async lead(@Parent() deal: DealRow, @CurrentRequest() request: RequestContext): Promise<LeadRow | null> {
    return leadByDealLoader(this.reader, request).load(deal.id);
  }
}
