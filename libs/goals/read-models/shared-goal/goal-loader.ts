import type DataLoader from 'dataloader';
import { requestLoader, type RequestContext } from '#shared/graphql';
import type { EndorsementRow, GoalsReader, TargetChangeRow } from './goals.reader.js';

/** Endorsements by goal id for one operation: those of every goal listed in one query. */
export function goalEndorsementsLoader(goals: GoalsReader, request: RequestContext): DataLoader<string, EndorsementRow[] | null> {
  return requestLoader(request, 'goal-endorsements', (ids: readonly string[]) => goals.endorsementsOf(ids));
}

/** Target histories by goal id for one operation: those of every goal listed in one query. */
export function goalTargetHistoryLoader(goals: GoalsReader, request: RequestContext): DataLoader<string, TargetChangeRow[] | null> {
  return requestLoader(request, 'goal-target-history', (ids: readonly string[]) => goals.targetHistoryOf(ids));
}

/**
 * The target in force at one instant, by goal id, for one operation: progress of every goal
 * listed at the same asOf costs one query. Each instant gets its own loader, since the key is the goal.
 */
export function goalTargetAtLoader(goals: GoalsReader, request: RequestContext, asOfMs: number): DataLoader<string, number | null> {
  return requestLoader(request, `goal-target-at:${asOfMs}`, (ids: readonly string[]) => goals.targetsAt(ids, asOfMs));
}
