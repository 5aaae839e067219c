import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentRequest, DateScalar, ReasonKindEnum, type RequestContext } from '#shared/graphql';
import { Reason, reasonLoader, ReasonsReader, type ReasonRow } from '#reasons';
import { DEFAULT_MIN_OCCURRENCES } from '../../domain/index.js';
import type { ReasonInsightView, ReasonReportView } from '../goal-progress/insights.reader.js';
import { ReasonInsight, ReasonReport } from '../scoreboard/insight.model.js';
import { ReasonInsightsQuery } from './reason-insights.query-handler.js';

@Resolver(() => ReasonReport)
export class ReasonInsightsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => ReasonReport)
  reasonInsights(
    @Args('kind', { type: () => ReasonKindEnum }) kind: ReasonKindEnum,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('segment', { type: () => String, nullable: true }) segment: string | null,
    @Args('minOccurrences', { type: () => Int, nullable: true, defaultValue: DEFAULT_MIN_OCCURRENCES }) minOccurrences: number | null,
  ): Promise<ReasonReportView> {
    return this.queries.execute(new ReasonInsightsQuery(kind, from, to, segment ?? null, minOccurrences ?? DEFAULT_MIN_OCCURRENCES));
  }
}

@Resolver(() => ReasonInsight)
export class ReasonInsightResolver {
  constructor(private readonly catalog: ReasonsReader) {}

  /** Batched: a report's reasons cost one catalog query. */
  @ResolveField(() => Reason)
  async reason(@Parent() insight: ReasonInsightView, @CurrentRequest() request: RequestContext): Promise<ReasonRow> {
    const reason = await reasonLoader(this.catalog, request).load(insight.code);
    // Every cited code was defined before it could be cited, and merges only point at defined codes.
    if (reason === null) throw new Error(`Reason ${insight.code} is cited but missing from the catalog`);
    return reason;
  }
}
