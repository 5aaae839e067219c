import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { LeadHistoryRow, LeadRow, LeadsReader } from './leads.reader.js';

/** History by lead id for one operation: the history of a whole page in one query. */
export function leadHistoryLoader(leads: LeadsReader, request: RequestContext): DataLoader<string, LeadHistoryRow[] | null> {
  return requestLoader(request, 'lead-history', (ids: readonly string[]) => leads.historyOf(ids));
}

/** Leads by the id of the deal they were converted into: every Deal.lead of a page in one query. */
export function leadByDealLoader(leads: LeadsReader, request: RequestContext): DataLoader<string, LeadRow | null> {
  return requestLoader(request, 'lead-by-deal', (dealIds: readonly string[]) => leads.byDealIds(dealIds));
}
