import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, DateScalar, type RequestContext } from '#shared/graphql';
import { Reason, ReasonKindEnum, reasonLoader, ReasonsReader, type ReasonKind, type ReasonRow } from '#reasons';
import { invalidInput } from '#shared';
import { dateWindow, DEFAULT_MIN_OCCURRENCES } from '../../domain/index.js';
import { ReasonInsight, ReasonReport } from './reason-insights.model.js';
import { ReasonInsightsReader, type ReasonInsightView, type ReasonReportView } from './reason-insights.reader.js';

@Resolver(() => ReasonReport)
export class ReasonInsightsResolver {
  constructor(private readonly reader: ReasonInsightsReader) {}

  @Query(() => ReasonReport)
  reasonInsights(
    @Args('kind', { type: () => ReasonKindEnum }) kind: ReasonKind,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('segment', { type: () => String, nullable: true }) segment: string | null,
    @Args('minOccurrences', { type: () => Int, nullable: true, defaultValue: DEFAULT_MIN_OCCURRENCES }) minOccurrences: number | null,
  ): ReasonReportView {
    // Rejections answer leads, not closed deals: the lead funnel reports them (PRODUCT §9).
    if (kind === 'REJECTION') throw invalidInput('kind', 'kind REJECTION has no insights over closed deals; leadFunnel reports rejection reasons');
    const window = dateWindow(from, to);
    const least = minOccurrences ?? DEFAULT_MIN_OCCURRENCES;
    if (!Number.isInteger(least) || least < 1) {
      throw invalidInput('minOccurrences', `minOccurrences must be at least 1, got ${least}`);
    }
    return this.reader.reasonReport({ kind, window, segment: segment ?? null, minOccurrences: least });
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
