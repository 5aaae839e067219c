import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, type RequestContext } from '#shared/graphql';
import { Reason, ReasonKindEnum } from './reason.model.js';
import { reasonLoader } from './reason-loader.js';
import { ReasonsReader, type ReasonRow } from './reasons.reader.js';
import type { ReasonKind } from '../../domain/index.js';

@Resolver(() => Reason)
export class ReasonResolver {
  constructor(private readonly catalog: ReasonsReader) {}

  @Query(() => [Reason])
  reasons(
    @Args('kind', { type: () => ReasonKindEnum, nullable: true }) kind: ReasonKind | null,
    @Args('includeRetired', { type: () => Boolean, nullable: true, defaultValue: false }) includeRetired: boolean | null,
  ): ReasonRow[] {
    return this.catalog.list({ kind: kind ?? null, includeRetired: includeRetired ?? false });
  }

  @ResolveField(() => Reason, { nullable: true })
  mergedInto(@Parent() reason: ReasonRow, @CurrentRequest() request: RequestContext): Promise<ReasonRow | null> | null {
    if (reason.mergedIntoCode === null) return null;
    return reasonLoader(this.catalog, request).load(reason.mergedIntoCode);
  }
}
