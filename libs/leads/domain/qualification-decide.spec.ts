import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { toIso, type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import {
  agreementInForce,
  meetsAgreement,
  qualificationDecider,
  type ProposeQualification,
  type QualificationEvent,
  type QualificationProposed,
  type QualificationTerms,
} from './index.js';

const now = Date.parse('2026-03-02T09:00:00Z');
const at = toIso(now);
const earlier = '2026-03-01T08:00:00.000Z';

function as(team: ActorTeam, lead = false): CommandContext {
  return { actor: { id: `${team.toLowerCase()}-${lead ? 'lead' : 'member'}`, team, lead }, now, correlationId: randomUUID() };
}
const revops = as('REVOPS');
const marketingLead = as('MARKETING', true);
const salesLead = as('SALES', true);

const spec = deciderSpec(qualificationDecider);

const terms: QualificationTerms = {
  criteria: [
    { code: 'BUDGET', description: 'Has a budget', required: true },
    { code: 'ICP', description: 'Fits the ideal customer profile', required: false },
    { code: 'TIMELINE', description: 'Buys within two quarters', required: false },
  ],
  minimumMet: 2,
  respondWithinHours: 24,
  reviewEveryDays: 90,
};
const propose: ProposeQualification = { type: 'ProposeQualification', ...terms };

const proposed = (version: number, withdraws: number | null = null): QualificationProposed => ({
  type: 'QualificationProposed',
  data: { version, ...terms, proposedBy: 'revops-member', proposedAt: earlier, withdraws },
});
const endorsed = (version: number, team: 'MARKETING' | 'SALES'): QualificationEvent => ({
  type: 'QualificationEndorsed',
  data: { version, team, by: `${team.toLowerCase()}-lead`, at: earlier },
});
const activated = (version: number, supersedes: number | null = null): QualificationEvent => ({
  type: 'QualificationActivated',
  data: { version, at: earlier, supersedes },
});
const inForce = (version = 1): QualificationEvent[] => [proposed(version), endorsed(version, 'MARKETING'), endorsed(version, 'SALES'), activated(version)];

describe('proposeQualification', () => {
  it.each([revops, marketingLead, salesLead])('lets $actor.team (lead: $actor.lead) propose version 1, PROPOSED', (context) => {
    spec
      .given([])
      .when(propose, context)
      .then([{ type: 'QualificationProposed', data: { version: 1, ...terms, proposedBy: context.actor.id, proposedAt: at, withdraws: null } }]);
  });

  it('numbers a new proposal after every version, in force or not', () => {
    spec.given(inForce(1)).when(propose, revops).then([{ ...proposed(2), data: { ...proposed(2).data, proposedBy: 'revops-member', proposedAt: at } }]);
  });

  it('withdraws the version still awaiting endorsement', () => {
    spec
      .given([...inForce(1), proposed(2), endorsed(2, 'SALES')])
      .when(propose, revops)
      .then([{ type: 'QualificationProposed', data: { version: 3, ...terms, proposedBy: 'revops-member', proposedAt: at, withdraws: 2 } }]);
  });

  it.each([as('MARKETING'), as('SALES'), as('EXECUTIVE'), as('EXECUTIVE', true)])('forbids $actor.team (lead: $actor.lead)', (context) => {
    spec.given([]).when(propose, context).thenThrows('FORBIDDEN');
  });
});

describe('endorseQualification', () => {
  const endorse = (version: number) => ({ type: 'EndorseQualification', version }) as const;

  it('records the first lead’s endorsement for their own team, leaving the version PROPOSED', () => {
    spec
      .given([proposed(1)])
      .when(endorse(1), marketingLead)
      .then([{ type: 'QualificationEndorsed', data: { version: 1, team: 'MARKETING', by: 'marketing-lead', at } }]);
  });

  it('activates the version when the second team endorses, superseding none the first time', () => {
    spec
      .given([proposed(1), endorsed(1, 'MARKETING')])
      .when(endorse(1), salesLead)
      .then([
        { type: 'QualificationEndorsed', data: { version: 1, team: 'SALES', by: 'sales-lead', at } },
        { type: 'QualificationActivated', data: { version: 1, at, supersedes: null } },
      ]);
  });

  it('supersedes the version in force when a new one is activated', () => {
    spec
      .given([...inForce(1), proposed(2), endorsed(2, 'SALES')])
      .when(endorse(2), marketingLead)
      .then([
        { type: 'QualificationEndorsed', data: { version: 2, team: 'MARKETING', by: 'marketing-lead', at } },
        { type: 'QualificationActivated', data: { version: 2, at, supersedes: 1 } },
      ]);
  });

  it('answers a second endorsement by the same team with no new event, also once the version is ACTIVE', () => {
    spec.given([proposed(1), endorsed(1, 'MARKETING')]).when(endorse(1), marketingLead).then([]);
    spec.given(inForce(1)).when(endorse(1), salesLead).then([]);
  });

  it('refuses a WITHDRAWN version, as a conflict, to a team that had not endorsed it', () => {
    spec.given([proposed(1), endorsed(1, 'SALES'), proposed(2, 1)]).when(endorse(1), marketingLead).thenThrows('CONFLICT');
    // The team that had endorsed it asks for what already holds.
    spec.given([proposed(1), endorsed(1, 'SALES'), proposed(2, 1)]).when(endorse(1), salesLead).then([]);
  });

  it('refuses a version that does not exist', () => {
    spec.given([proposed(1)]).when(endorse(2), marketingLead).thenThrows('NOT_FOUND');
  });

  it.each([as('MARKETING'), as('SALES'), as('REVOPS', true), as('EXECUTIVE', true)])('forbids $actor.team (lead: $actor.lead)', (context) => {
    spec.given([proposed(1)]).when(endorse(1), context).thenThrows('FORBIDDEN');
  });
});

describe('reviewQualification', () => {
  const review = { type: 'ReviewQualification', note: 'Still right' } as const;

  it.each([revops, marketingLead, salesLead])('lets $actor.team (lead: $actor.lead) record a review of the version in force', (context) => {
    spec
      .given([...inForce(1), proposed(2)])
      .when(review, context)
      .then([{ type: 'QualificationReviewed', data: { version: 1, note: 'Still right', by: context.actor.id, at } }]);
  });

  it('refuses a review when no version is in force', () => {
    spec.given([proposed(1), endorsed(1, 'SALES')]).when(review, revops).thenThrows('CONFLICT');
  });

  it.each([as('MARKETING'), as('SALES'), as('EXECUTIVE')])('forbids $actor.team (lead: $actor.lead)', (context) => {
    spec.given(inForce(1)).when(review, context).thenThrows('FORBIDDEN');
  });
});

describe('the agreement a handoff sees', () => {
  const fold = (events: readonly QualificationEvent[]) => events.reduce(qualificationDecider.evolve, qualificationDecider.initialState());

  it('is none before the first activation, then the version in force, not the newer proposal', () => {
    expect(agreementInForce(fold([proposed(1), endorsed(1, 'SALES')]))).toBeNull();
    expect(agreementInForce(fold([...inForce(1), proposed(2)]))).toEqual({ version: 1, ...terms });
    const second = [...inForce(1), proposed(2), endorsed(2, 'SALES'), endorsed(2, 'MARKETING'), activated(2, 1)];
    expect(agreementInForce(fold(second))?.version).toBe(2);
    expect(fold(second).versions.map((entry) => entry.status)).toEqual(['SUPERSEDED', 'ACTIVE']);
  });

  it.each<[string, string[], boolean]>([
    ['every required criterion and enough of them', ['BUDGET', 'ICP'], true],
    ['all criteria', ['BUDGET', 'ICP', 'TIMELINE'], true],
    ['enough criteria but not the required one', ['ICP', 'TIMELINE'], false],
    ['the required criterion alone, below the minimum', ['BUDGET'], false],
    ['nothing', [], false],
  ])('is met by %s: %s', (_what, criteriaMet, meets) => {
    expect(meetsAgreement(criteriaMet, terms)).toBe(meets);
  });
});
