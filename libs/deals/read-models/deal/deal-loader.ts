import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { DealRow, DealsReader, HistoryRow, TouchRow } from './deals.reader.js';

/** Deals by id for one operation: every Deal field of a page costs one query. */
export function dealLoader(deals: DealsReader, request: RequestContext): DataLoader<string, DealRow | null> {
  return requestLoader(request, 'deals', (ids: readonly string[]) => deals.byIds(ids));
}

/** Touches by deal id for one operation: the touches of a whole page in one query. */
export function dealTouchesLoader(deals: DealsReader, request: RequestContext): DataLoader<string, TouchRow[] | null> {
  return requestLoader(request, 'deal-touches', (ids: readonly string[]) => deals.touchesOf(ids));
}

/** History by deal id for one operation: the history of a whole page in one query. */
export function dealHistoryLoader(deals: DealsReader, request: RequestContext): DataLoader<string, HistoryRow[] | null> {
  return requestLoader(request, 'deal-history', (ids: readonly string[]) => deals.historyOf(ids));
}
