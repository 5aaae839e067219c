import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { dateWindow } from '#insights';
import { Reason, reasonLoader, ReasonsReader, type ReasonRow } from '#reasons';
import { optionalText, parseInstant } from '#shared';
import { CLOCK, type Clock } from '#shared/application';
import { CurrentRequest, DateScalar, DateTimeScalar, requestNow, type RequestContext } from '#shared/graphql';
import type { RejectionReasonFigure } from '../../domain/index.js';
import { LeadFunnel, RejectionReasonCount } from './lead-funnel.model.js';
import { LeadFunnelReader, type LeadFunnelView } from './lead-funnel.reader.js';

@Resolver(() => LeadFunnel)
export class LeadFunnelResolver {
  constructor(
    private readonly reader: LeadFunnelReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Bitemporal: the handoffs of the period as recorded at asOf (PRODUCT §9). */
  @Query(() => LeadFunnel)
  leadFunnel(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: string | null,
    @Args('segment', { type: () => String, nullable: true }) segment: string | null,
    @Args('campaign', { type: () => String, nullable: true }) campaign: string | null,
    @CurrentRequest() request: RequestContext,
  ): LeadFunnelView {
    const window = dateWindow(from, to);
    const asOfMs = asOf === null || asOf === undefined ? requestNow(request, this.clock) : parseInstant(asOf, 'asOf');
    return this.reader.funnel({
      ...window,
      asOfMs,
      segment: optionalText(segment, 'segment', 100),
      campaign: optionalText(campaign, 'campaign', 200),
    });
  }
}

@Resolver(() => RejectionReasonCount)
export class RejectionReasonCountResolver {
  constructor(private readonly catalog: ReasonsReader) {}

  /** Batched: a funnel's reasons cost one catalog query. */
  @ResolveField(() => Reason)
  async reason(@Parent() figure: RejectionReasonFigure, @CurrentRequest() request: RequestContext): Promise<ReasonRow> {
    const reason = await reasonLoader(this.catalog, request).load(figure.code);
    // A rejection cites a defined reason, and a survivor of merges is a defined reason too.
    if (reason === null) throw new Error(`Reason ${figure.code} is cited but missing from the catalog`);
    return reason;
  }
}
