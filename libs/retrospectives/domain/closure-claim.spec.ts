import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import { claimStreamFor, closureClaimDecider, openingFromClaim, retrospectiveDecider, type ClosureClaimed, type RetrospectiveOpened } from './index.js';

const context: CommandContext = { actor: { id: 'sales-1', team: 'SALES', lead: false }, now: Date.parse('2026-03-10T12:00:00Z'), correlationId: 'c' };
const spec = deciderSpec(closureClaimDecider);

const opening = (retrospectiveId: string = randomUUID()): RetrospectiveOpened['data'] => ({
  retrospectiveId,
  dealId: 'd-1',
  closure: 2,
  outcome: 'WON',
  closedAt: '2026-03-05T17:00:00.000Z',
  openedAt: '2026-03-10T12:00:00.000Z',
});

describe('closure claim', () => {
  it('names a stream no retrospective id can name, one per deal closure', () => {
    expect(claimStreamFor('d-1', 2)).toBe('retrospective_claim-d-1-2');
    expect(claimStreamFor('d-1', 2)).not.toBe(claimStreamFor('d', 12));
    expect(claimStreamFor('claim-d-1', 2).startsWith('retrospective-')).toBe(false);
  });

  it('lets the first claim through with the whole opening', () => {
    const claim = opening();
    spec.given([]).when({ type: 'ClaimClosure', opening: claim }, context).then([{ type: 'RetrospectiveClosureClaimed', data: claim }]);
  });

  it('changes nothing once claimed, whoever claims again; the state names the holder', () => {
    const history: ClosureClaimed[] = [
      { type: 'RetrospectiveClosureClaimed', data: opening('first') },
      // Never appended by the service (the claim is written with NO_STREAM), yet harmless.
      { type: 'RetrospectiveClosureClaimed', data: opening('later') },
    ];
    spec.given(history).when({ type: 'ClaimClosure', opening: opening('second') }, context).then([]);
    // The command layer reads the holder from the folded claim.
    const holder = history.reduce(closureClaimDecider.evolve, closureClaimDecider.initialState());
    expect(holder?.retrospectiveId).toBe('first');
  });

  it('finishes a claim into the very opening it holds, whatever the deal did since', () => {
    const claim = opening('held');
    const events = retrospectiveDecider.decide(openingFromClaim(claim), null, { ...context, now: Date.parse(claim.openedAt) });
    expect(events).toEqual([{ type: 'RetrospectiveOpened', data: claim }]);
  });
});
