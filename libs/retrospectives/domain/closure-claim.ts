import type { Aggregate, Decider, DomainEvent } from '#shared';
import type { DealSnapshot, OpenRetrospective } from './commands.js';
import type { RetrospectiveOpened } from './events.js';

/**
 * One retrospective per deal closure, under any concurrency: before a retrospective's own stream
 * is written, its opening claims a stream named after the closure, and only the first claim is
 * ever appended (the store's expected revision NO_STREAM decides the race). The claim carries the
 * whole opening, so whoever finds a claim without its retrospective (a crash between the two
 * appends) can finish it: roll forward, never back.
 *
 * `retrospective_claim-`, not `retrospective-claim-`: client ids may be `claim-<deal>-<n>`, and
 * `retrospective-<id>` must never name a claim. Closure numbers hold no "-", so the last "-"
 * splits the name back into deal id and closure.
 */
export const claimStreamFor = (dealId: string, closure: number): string => `retrospective_claim-${claimKey(dealId, closure)}`;

/** The id of a closure's claim: the deal's id and the closure's number. */
export const claimKey = (dealId: string, closure: number): string => `${dealId}-${closure}`;

export type ClosureClaimed = DomainEvent<'RetrospectiveClosureClaimed', RetrospectiveOpened['data']>;

export interface ClaimClosure {
  readonly type: 'ClaimClosure';
  readonly opening: RetrospectiveOpened['data'];
}

/** The opening that holds the claim; null while the closure is unclaimed. */
export type ClosureClaimState = RetrospectiveOpened['data'] | null;

/**
 * The first claim wins and later ones change nothing: the state after deciding names the
 * retrospective that holds the closure, which the caller compares with its own.
 */
export const closureClaimDecider: Decider<ClaimClosure, ClosureClaimed, ClosureClaimState> = {
  initialState: () => null,
  evolve: (state, event) => state ?? event.data,
  decide: (command, state) => (state === null ? [{ type: 'RetrospectiveClosureClaimed', data: command.opening }] : []),
};

/**
 * The command that opens the claimed retrospective, from the claim alone: the deal as it was at
 * that closure, so finishing a claim does not depend on what the deal did since.
 */
export function openingFromClaim(claim: RetrospectiveOpened['data']): OpenRetrospective {
  const deal: DealSnapshot = {
    id: claim.dealId,
    status: claim.outcome,
    closures: claim.closure,
    latestClosure: { closure: claim.closure, outcome: claim.outcome, closedAt: claim.closedAt },
  };
  return { type: 'OpenRetrospective', retrospectiveId: claim.retrospectiveId, dealId: claim.dealId, deal };
}

/** The claims as an aggregate; an instance's id is `claimKey(dealId, closure)`. */
export const closureClaimAggregate: Aggregate<ClaimClosure, ClosureClaimed, ClosureClaimState> = {
  decider: closureClaimDecider,
  streamFor: (key) => `retrospective_claim-${key}`,
  describe: (key) => `The claim on closure "${key}"`,
};
