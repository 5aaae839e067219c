import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { RetrospectiveRow, RetrospectivesReader } from './retrospectives.reader.js';

/** Retrospectives by closureKey(deal, closure) for one operation: Deal.retrospective of a page in one pass. */
export function retrospectiveByClosureLoader(
  retrospectives: RetrospectivesReader,
  request: RequestContext,
): DataLoader<string, RetrospectiveRow | null> {
  return requestLoader(request, 'retrospectives-by-closure', (keys: readonly string[]) => retrospectives.byDealClosures(keys));
}
