import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { ReasonsReader, ReasonRow } from './reasons.reader.js';

/** Reasons by code for one operation: every Reason field of a page costs one query. */
export function reasonLoader(reasons: ReasonsReader, request: RequestContext): DataLoader<string, ReasonRow | null> {
  return requestLoader(request, 'reasons', (codes: readonly string[]) => reasons.byCodes(codes));
}

/**
 * The reason a cited code is shown as: its survivor after merges, through chains, as the catalog
 * stands now (a merged reason counts under its survivor). null for a code the catalog lacks.
 */
export async function survivingReason(reasons: ReasonsReader, request: RequestContext, code: string): Promise<ReasonRow | null> {
  const loader = reasonLoader(reasons, request);
  let reason = await loader.load(code);
  const seen = new Set<string>();
  while (reason !== null && reason.mergedIntoCode !== null && !seen.has(reason.code)) {
    seen.add(reason.code);
    const survivor: ReasonRow | null = await loader.load(reason.mergedIntoCode);
    if (survivor === null) break;
    reason = survivor;
  }
  return reason;
}
