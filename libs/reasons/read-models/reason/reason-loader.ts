import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { ReasonsReader, ReasonRow } from './reasons.reader.js';

/** Reasons by code for one operation: every Reason field of a page costs one query. */
export function reasonLoader(reasons: ReasonsReader, request: RequestContext): DataLoader<string, ReasonRow | null> {
  return requestLoader(request, 'reasons', (codes: readonly string[]) => reasons.byCodes(codes));
}
