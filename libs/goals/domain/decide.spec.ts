import { describe, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { toIso, type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import type { GoalEvent, SharedGoalProposed } from './events.js';
import { goalDecider, type ProposeSharedGoal } from './index.js';

const now = Date.parse('2026-03-02T09:00:00Z');
const at = toIso(now);
const earlier = '2026-03-01T08:00:00.000Z';

function as(team: ActorTeam, lead = false): CommandContext {
  return { actor: { id: `${team.toLowerCase()}-${lead ? 'lead' : 'member'}`, team, lead }, now, correlationId: randomUUID() };
}
const executive = as('EXECUTIVE');
const revops = as('REVOPS');
const marketingLead = as('MARKETING', true);
const salesLead = as('SALES', true);

const spec = deciderSpec(goalDecider);

function proposal(goalId: string, overrides: Partial<ProposeSharedGoal> = {}): ProposeSharedGoal {
  return {
    type: 'ProposeSharedGoal',
    goalId,
    name: 'Q2 new business',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    targetMinor: 50_000_000,
    currency: 'USD',
    segment: 'Enterprise',
    ...overrides,
  };
}

function proposed(goalId: string): SharedGoalProposed {
  return {
    type: 'SharedGoalProposed',
    data: {
      goalId,
      name: 'Q2 new business',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      targetMinor: 50_000_000,
      currency: 'USD',
      segment: 'Enterprise',
      proposedBy: 'executive-member',
      proposedAt: earlier,
    },
  };
}

const endorsedBy = (goalId: string, team: 'MARKETING' | 'SALES'): GoalEvent => ({
  type: 'SharedGoalEndorsed',
  data: { goalId, team, by: `${team.toLowerCase()}-lead`, at: earlier },
});
const activated = (goalId: string): GoalEvent => ({ type: 'SharedGoalActivated', data: { goalId, at: earlier } });
const closed = (goalId: string): GoalEvent => ({ type: 'SharedGoalClosed', data: { goalId, by: 'executive-member', at: earlier } });
const activeGoal = (goalId: string): GoalEvent[] => [
  proposed(goalId),
  endorsedBy(goalId, 'MARKETING'),
  endorsedBy(goalId, 'SALES'),
  activated(goalId),
];

describe('proposeSharedGoal', () => {
  it.each([executive, revops])('lets $actor.team propose a goal whose first target history entry comes from nowhere', (context) => {
    const goalId = randomUUID();
    spec
      .given([])
      .when(proposal(goalId), context)
      .then([{ ...proposed(goalId), data: { ...proposed(goalId).data, proposedBy: context.actor.id, proposedAt: at } }]);
  });

  it.each(['MARKETING', 'SALES'] as const)('forbids %s, leads included', (team) => {
    spec.given([]).when(proposal(randomUUID()), as(team, true)).thenThrows('FORBIDDEN');
  });

  it('answers a repeat with the same id and input with no new event', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when(proposal(goalId), executive).then([]);
  });

  it('compares a repeat with the proposal even after the target was revised', () => {
    const goalId = randomUUID();
    const revised: GoalEvent = {
      type: 'SharedGoalTargetRevised',
      data: { goalId, fromMinor: 50_000_000, toMinor: 60_000_000, reason: 'Board', by: 'revops-member', at: earlier, clearedEndorsements: [] },
    };
    spec.given([proposed(goalId), revised]).when(proposal(goalId), executive).then([]);
  });

  it.each([
    ['name', { name: 'Another name' }],
    ['periodStart', { periodStart: '2026-03-01' }],
    ['periodEnd', { periodEnd: '2026-07-31' }],
    ['target', { targetMinor: 1 }],
    ['currency', { currency: 'EUR' }],
    ['segment', { segment: null }],
  ] as const)('refuses the same id with a different %s as a conflict', (_field, overrides) => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when(proposal(goalId, overrides), executive).thenThrows('CONFLICT');
  });
});

describe('endorseSharedGoal', () => {
  it('records the first lead’s endorsement for their own team and keeps the goal PROPOSED', () => {
    const goalId = randomUUID();
    spec
      .given([proposed(goalId)])
      .when({ type: 'EndorseSharedGoal', goalId }, marketingLead)
      .then([{ type: 'SharedGoalEndorsed', data: { goalId, team: 'MARKETING', by: 'marketing-lead', at } }]);
  });

  it('activates the goal in the same decision when the second team endorses', () => {
    const goalId = randomUUID();
    spec
      .given([proposed(goalId), endorsedBy(goalId, 'MARKETING')])
      .when({ type: 'EndorseSharedGoal', goalId }, salesLead)
      .then([
        { type: 'SharedGoalEndorsed', data: { goalId, team: 'SALES', by: 'sales-lead', at } },
        { type: 'SharedGoalActivated', data: { goalId, at } },
      ]);
  });

  it('answers a second endorsement by the same team with no new event, another lead included', () => {
    const goalId = randomUUID();
    const otherLead: CommandContext = { ...marketingLead, actor: { id: 'another-marketing-lead', team: 'MARKETING', lead: true } };
    spec.given([proposed(goalId), endorsedBy(goalId, 'MARKETING')]).when({ type: 'EndorseSharedGoal', goalId }, otherLead).then([]);
  });

  it('counts a team once however many of its endorsements the history holds', () => {
    // given MARKETING's endorsement twice in the stream (as a replayed or repaired log may hold it)
    const goalId = randomUUID();
    spec
      .given([proposed(goalId), endorsedBy(goalId, 'MARKETING'), endorsedBy(goalId, 'MARKETING')])
      .when({ type: 'EndorseSharedGoal', goalId }, salesLead)
      .then([
        { type: 'SharedGoalEndorsed', data: { goalId, team: 'SALES', by: 'sales-lead', at } },
        { type: 'SharedGoalActivated', data: { goalId, at } },
      ]);
  });

  it('answers an endorsement of an ACTIVE goal with no new event', () => {
    const goalId = randomUUID();
    spec.given(activeGoal(goalId)).when({ type: 'EndorseSharedGoal', goalId }, salesLead).then([]);
  });

  it.each([
    ['a MARKETING member', as('MARKETING')],
    ['a SALES member', as('SALES')],
    ['an EXECUTIVE, even flagged lead', as('EXECUTIVE', true)],
    ['REVOPS, even flagged lead', as('REVOPS', true)],
  ])('forbids %s', (_who, context) => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when({ type: 'EndorseSharedGoal', goalId }, context).thenThrows('FORBIDDEN');
  });

  it('refuses to endorse a closed goal', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId), closed(goalId)]).when({ type: 'EndorseSharedGoal', goalId }, salesLead).thenThrows('CONFLICT');
  });

  it('refuses a goal that does not exist', () => {
    spec.given([]).when({ type: 'EndorseSharedGoal', goalId: randomUUID() }, salesLead).thenThrows('NOT_FOUND');
  });
});

describe('reviseGoalTarget', () => {
  const revise = (goalId: string, targetMinor = 60_000_000) =>
    ({ type: 'ReviseGoalTarget', goalId, targetMinor, currency: 'USD', reason: 'Board raised the bar' }) as const;

  it('revises a proposed goal’s target, recording from, to, reason, who and when', () => {
    const goalId = randomUUID();
    spec
      .given([proposed(goalId)])
      .when(revise(goalId), revops)
      .then([
        {
          type: 'SharedGoalTargetRevised',
          data: {
            goalId,
            fromMinor: 50_000_000,
            toMinor: 60_000_000,
            reason: 'Board raised the bar',
            by: 'revops-member',
            at,
            clearedEndorsements: [],
          },
        },
      ]);
    const revised: GoalEvent = {
      type: 'SharedGoalTargetRevised',
      data: { goalId, fromMinor: 50_000_000, toMinor: 60_000_000, reason: 'Board raised the bar', by: 'revops-member', at, clearedEndorsements: [] },
    };
    // The new target is the one in force: revising to it again changes nothing and is refused.
    spec.given([proposed(goalId), revised]).when(revise(goalId), revops).thenThrows('INVALID_INPUT', 'target');
    // A repeated proposal is still compared with the target as proposed.
    spec.given([proposed(goalId), revised]).when(proposal(goalId), executive).then([]);
  });

  it('returns an ACTIVE goal to PROPOSED and clears its endorsements: both teams sign the new number', () => {
    const goalId = randomUUID();
    spec
      .given(activeGoal(goalId))
      .when(revise(goalId), executive)
      .then([
        {
          type: 'SharedGoalTargetRevised',
          data: {
            goalId,
            fromMinor: 50_000_000,
            toMinor: 60_000_000,
            reason: 'Board raised the bar',
            by: 'executive-member',
            at,
            clearedEndorsements: ['MARKETING', 'SALES'],
          },
        },
      ]);
    const revised: GoalEvent = {
      type: 'SharedGoalTargetRevised',
      data: { goalId, fromMinor: 50_000_000, toMinor: 60_000_000, reason: 'Board raised the bar', by: 'executive-member', at, clearedEndorsements: ['MARKETING', 'SALES'] },
    };
    // Each lead signs the new number again, and the second signature activates it again.
    spec
      .given([...activeGoal(goalId), revised])
      .when({ type: 'EndorseSharedGoal', goalId }, marketingLead)
      .then([{ type: 'SharedGoalEndorsed', data: { goalId, team: 'MARKETING', by: 'marketing-lead', at } }]);
  });

  it('clears a lone endorsement too, so the goal never activates on a number one lead did not sign', () => {
    const goalId = randomUUID();
    const history = [proposed(goalId), endorsedBy(goalId, 'MARKETING')];
    const [revised] = goalDecider.decide(revise(goalId), history.reduce(goalDecider.evolve, goalDecider.initialState()), executive);
    spec
      .given([...history, revised!])
      .when({ type: 'EndorseSharedGoal', goalId }, salesLead)
      .then([{ type: 'SharedGoalEndorsed', data: { goalId, team: 'SALES', by: 'sales-lead', at } }]);
  });

  it('refuses the current target, naming the field', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when(revise(goalId, 50_000_000), executive).thenThrows('INVALID_INPUT', 'target');
  });

  it('refuses a closed goal', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId), closed(goalId)]).when(revise(goalId), executive).thenThrows('CONFLICT');
  });

  it('refuses a target counted in another currency than the goal’s', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when({ ...revise(goalId), currency: 'EUR' }, executive).thenThrows('CONFLICT');
  });

  it('refuses a goal that does not exist', () => {
    spec.given([]).when(revise(randomUUID()), executive).thenThrows('NOT_FOUND');
  });

  it.each([as('MARKETING', true), as('SALES', true)])('forbids $actor.team', (context) => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when(revise(goalId), context).thenThrows('FORBIDDEN');
  });
});

describe('closeSharedGoal', () => {
  it.each([executive, revops])('lets $actor.team close an active goal for good', (context) => {
    const goalId = randomUUID();
    spec
      .given(activeGoal(goalId))
      .when({ type: 'CloseSharedGoal', goalId }, context)
      .then([{ type: 'SharedGoalClosed', data: { goalId, by: context.actor.id, at } }]);
    // For good: no endorsement and no target change after it.
    spec.given([...activeGoal(goalId), closed(goalId)]).when({ type: 'EndorseSharedGoal', goalId }, salesLead).thenThrows('CONFLICT');
    spec
      .given([...activeGoal(goalId), closed(goalId)])
      .when({ type: 'ReviseGoalTarget', goalId, targetMinor: 60_000_000, currency: 'USD', reason: 'Late change' }, context)
      .thenThrows('CONFLICT');
  });

  it('closes a goal that was never activated', () => {
    const goalId = randomUUID();
    spec
      .given([proposed(goalId)])
      .when({ type: 'CloseSharedGoal', goalId }, executive)
      .then([{ type: 'SharedGoalClosed', data: { goalId, by: 'executive-member', at } }]);
  });

  it('answers closing a closed goal with no new event', () => {
    const goalId = randomUUID();
    spec.given([proposed(goalId), closed(goalId)]).when({ type: 'CloseSharedGoal', goalId }, revops).then([]);
  });

  it('refuses a goal that does not exist', () => {
    spec.given([]).when({ type: 'CloseSharedGoal', goalId: randomUUID() }, executive).thenThrows('NOT_FOUND');
  });

  it.each([as('MARKETING', true), as('SALES', true)])('forbids $actor.team', (context) => {
    const goalId = randomUUID();
    spec.given([proposed(goalId)]).when({ type: 'CloseSharedGoal', goalId }, context).thenThrows('FORBIDDEN');
  });
});
