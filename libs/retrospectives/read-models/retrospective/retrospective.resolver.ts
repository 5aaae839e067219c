import { Args, ID, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordedEvent } from '#event-store';
import { Deal, dealLoader, DealsReader, type DealRow } from '#deals';
import { liveFeed, ProjectionRunner } from '#projections';
import { Reason, reasonLoader, ReasonsReader, type ReasonRow } from '#reasons';
import { CurrentRequest, freshDelivery, pageSize, type RequestContext } from '#shared/graphql';
import type { RetrospectiveStatus } from '../../domain/index.js';
import { Perspective, Retrospective, RetrospectiveConnection, RetrospectiveStatusEnum } from './retrospective.model.js';
import { RETROSPECTIVES_PROJECTION } from './retrospective.projection.js';
import { retrospectiveByClosureLoader } from './retrospective-loader.js';
import {
  closureKey,
  RetrospectivesReader,
  type PerspectiveRow,
  type RetrospectivePage,
  type RetrospectiveRow,
} from './retrospectives.reader.js';

@Resolver(() => Retrospective)
export class RetrospectiveResolver {
  constructor(
    private readonly reader: RetrospectivesReader,
    private readonly deals: DealsReader,
    private readonly reasons: ReasonsReader,
    private readonly projections: ProjectionRunner,
  ) {}

  @Query(() => Retrospective, { nullable: true })
  retrospective(@Args('id', { type: () => ID }) id: string): RetrospectiveRow | null {
    return this.reader.byId(id);
  }

  @Query(() => RetrospectiveConnection)
  retrospectives(
    @Args('status', { type: () => RetrospectiveStatusEnum, nullable: true }) status: RetrospectiveStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): RetrospectivePage {
    return this.reader.page((status as RetrospectiveStatus | null) ?? null, pageSize(first), after ?? null);
  }

  @Query(() => [Deal], { description: 'Closed deals whose latest closure has no concluded retrospective, oldest closure first.' })
  pendingRetrospectives(@Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null): DealRow[] {
    const ids = this.reader.pendingDealIds(pageSize(first));
    const deals = this.deals.byIds(ids);
    return ids.flatMap((id) => deals.get(id) ?? []);
  }

  @Subscription(() => Retrospective, { resolve: freshDelivery })
  retrospectiveConcluded(): AsyncIterableIterator<RetrospectiveRow> {
    return liveFeed(this.projections, [RETROSPECTIVES_PROJECTION], (events: readonly RecordedEvent[]) => {
      const ids = events.filter((event) => event.type === 'RetrospectiveConcluded').map((event) => String(event.data['retrospectiveId']));
      if (ids.length === 0) return [];
      const rows = this.reader.byIds(ids);
      return ids.flatMap((id) => rows.get(id) ?? []);
    });
  }

  @ResolveField(() => Deal)
  async deal(@Parent() retrospective: RetrospectiveRow, @CurrentRequest() request: RequestContext): Promise<DealRow> {
    const deal = await dealLoader(this.deals, request).load(retrospective.dealId);
    // Both read models follow the same log, and a deal is never removed: a miss is a bug.
    if (deal === null) throw new Error(`Deal ${retrospective.dealId} of retrospective ${retrospective.id} is missing from the read models`);
    return deal;
  }

  @ResolveField(() => [Reason])
  agreedReasons(@Parent() retrospective: RetrospectiveRow, @CurrentRequest() request: RequestContext): Promise<ReasonRow[]> {
    return loadReasons(this.reasons, request, retrospective.agreedReasonCodes);
  }
}

@Resolver(() => Perspective)
export class PerspectiveResolver {
  constructor(private readonly catalog: ReasonsReader) {}

  /** The reasons as the team cited them; a reason merged since shows its survivor under `mergedInto`. */
  @ResolveField(() => [Reason])
  reasons(@Parent() perspective: PerspectiveRow, @CurrentRequest() request: RequestContext): Promise<ReasonRow[]> {
    return loadReasons(this.catalog, request, perspective.reasonCodes);
  }
}

/** Deal.retrospective lives here: the deals context does not know retrospectives. */
@Resolver(() => Deal)
export class DealRetrospectiveResolver {
  constructor(private readonly reader: RetrospectivesReader) {}

  @ResolveField(() => Retrospective, { nullable: true, description: 'The retrospective of the latest closure, if one was opened.' })
  async retrospective(@Parent() deal: DealRow, @CurrentRequest() request: RequestContext): Promise<RetrospectiveRow | null> {
    if (deal.closures === 0) return null;
    return retrospectiveByClosureLoader(this.reader, request).load(closureKey(deal.id, deal.closures));
  }
}

async function loadReasons(reasons: ReasonsReader, request: RequestContext, codes: readonly string[]): Promise<ReasonRow[]> {
  const found = await reasonLoader(reasons, request).loadMany(codes);
  return found.map((reason, index) => {
    // Codes were checked against the catalog when filed, and the catalog never forgets a code.
    if (reason === null || reason instanceof Error) throw new Error(`Reason ${codes[index]} is missing from the read models`);
    return reason;
  });
}
