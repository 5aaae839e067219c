import { describe, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { toIso, type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import {
  leadDecider,
  type AgreementSnapshot,
  type ConvertLead,
  type HandOffLead,
  type LeadEvent,
  type LeadHandedOff,
  type RejectionReasonSnapshot,
} from './index.js';

const now = Date.parse('2026-03-02T09:00:00Z');
const at = toIso(now);
const earlier = '2026-03-01T08:00:00.000Z';

function as(team: ActorTeam, lead = false): CommandContext {
  return { actor: { id: `${team.toLowerCase()}-${lead ? 'lead' : 'member'}`, team, lead }, now, correlationId: randomUUID() };
}
const marketing = as('MARKETING');
const sales = as('SALES');
const revops = as('REVOPS');

const spec = deciderSpec(leadDecider);

const agreement = (version = 1, respondWithinHours = 24): AgreementSnapshot => ({
  version,
  criteria: [
    { code: 'BUDGET', description: 'Has a budget', required: true },
    { code: 'ICP', description: 'Fits the profile', required: false },
  ],
  minimumMet: 2,
  respondWithinHours,
  reviewEveryDays: 90,
});

function handOff(leadId: string, overrides: Partial<HandOffLead> = {}): HandOffLead {
  return {
    type: 'HandOffLead',
    leadId,
    account: 'Acme',
    contact: 'Ana Lima',
    segment: 'Enterprise',
    channel: 'Webinar',
    campaign: 'Spring',
    criteriaMet: ['BUDGET', 'ICP'],
    note: null,
    agreement: agreement(),
    ...overrides,
  };
}

function handedOff(leadId: string, handoff = 1, overrides: Partial<LeadHandedOff['data']> = {}): LeadHandedOff {
  return {
    type: 'LeadHandedOff',
    data: {
      leadId,
      handoff,
      account: 'Acme',
      contact: 'Ana Lima',
      segment: 'Enterprise',
      channel: 'Webinar',
      campaign: 'Spring',
      criteriaMet: ['BUDGET', 'ICP'],
      note: null,
      agreementVersion: 1,
      meetsAgreement: true,
      handedOffAt: earlier,
      respondBy: '2026-03-02T08:00:00.000Z',
      ...overrides,
    },
  };
}
const accepted = (leadId: string, handoff = 1): LeadEvent => ({ type: 'LeadAccepted', data: { leadId, handoff, at: earlier } });
const rejected = (leadId: string, handoff = 1): LeadEvent => ({
  type: 'LeadRejected',
  data: { leadId, handoff, reasonCode: 'NO_BUDGET', note: null, at: earlier },
});
const recycled = (leadId: string, handoff = 1): LeadEvent => ({ type: 'LeadRecycled', data: { leadId, handoff, note: null, at: earlier } });

const rejection = (kind: RejectionReasonSnapshot['kind'] = 'REJECTION', retired = false): RejectionReasonSnapshot => ({ code: 'NO_BUDGET', kind, retired });

function conversion(leadId: string, overrides: Partial<ConvertLead> = {}): ConvertLead {
  return {
    type: 'ConvertLead',
    leadId,
    dealId: `deal-of-${leadId}`,
    title: 'Acme rollout',
    owner: 'Dana',
    amountMinor: 5_000_000,
    currency: 'USD',
    expectedCloseDate: '2026-06-30',
    ...overrides,
  };
}
const converted = (leadId: string, handoff = 1): LeadEvent => ({
  type: 'LeadConverted',
  data: {
    leadId,
    handoff,
    dealId: `deal-of-${leadId}`,
    title: 'Acme rollout',
    owner: 'Dana',
    amountMinor: 5_000_000,
    currency: 'USD',
    expectedCloseDate: '2026-06-30',
    account: 'Acme',
    segment: 'Enterprise',
    channel: 'Webinar',
    campaign: 'Spring',
    handedOffAt: earlier,
    convertedAt: earlier,
  },
});

describe('handOffLead', () => {
  it.each([marketing, revops])('lets $actor.team hand off a lead under the version in force, with its deadline by the server clock', (context) => {
    const leadId = randomUUID();
    spec
      .given([])
      .when(handOff(leadId), context)
      .then([handedOff(leadId, 1, { handedOffAt: at, respondBy: '2026-03-03T09:00:00.000Z' })]);
  });

  it('records a lead below the agreement as such, and the version it was measured against', () => {
    const leadId = randomUUID();
    spec
      .given([])
      .when(handOff(leadId, { criteriaMet: ['ICP'], agreement: agreement(3, 48) }), marketing)
      .then([
        handedOff(leadId, 1, { criteriaMet: ['ICP'], agreementVersion: 3, meetsAgreement: false, handedOffAt: at, respondBy: '2026-03-04T09:00:00.000Z' }),
      ]);
  });

  it('takes a lead that meets no criterion at all', () => {
    const leadId = randomUUID();
    spec
      .given([])
      .when(handOff(leadId, { criteriaMet: [] }), marketing)
      .then([handedOff(leadId, 1, { criteriaMet: [], meetsAgreement: false, handedOffAt: at, respondBy: '2026-03-03T09:00:00.000Z' })]);
  });

  it('refuses a criterion the version in force does not define, on criteriaMet', () => {
    spec.given([]).when(handOff(randomUUID(), { criteriaMet: ['BUDGET', 'CHAMPION'] }), marketing).thenThrows('INVALID_INPUT', 'criteriaMet');
  });

  it('refuses a handoff while no agreement is in force, as a conflict', () => {
    spec.given([]).when(handOff(randomUUID(), { agreement: null }), marketing).thenThrows('CONFLICT');
  });

  it('answers the same handoff again with no new event, even under a newer agreement, criteria in any order', () => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(handOff(leadId, { criteriaMet: ['ICP', 'BUDGET'], agreement: agreement(2) }), marketing).then([]);
    spec.given([handedOff(leadId), accepted(leadId)]).when(handOff(leadId), marketing).then([]);
  });

  it.each([
    ['account', { account: 'Globex' }],
    ['contact', { contact: null }],
    ['segment', { segment: 'SMB' }],
    ['channel', { channel: 'Event' }],
    ['campaign', { campaign: null }],
    ['criteriaMet', { criteriaMet: ['BUDGET'] }],
    ['note', { note: 'Hot' }],
  ] as const)('refuses the same id with a different %s as a conflict', (_field, overrides) => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(handOff(leadId, overrides), marketing).thenThrows('CONFLICT');
  });

  it('hands a recycled lead off again as handoff 2, under the version in force then, with other details', () => {
    const leadId = randomUUID();
    spec
      .given([handedOff(leadId), rejected(leadId), recycled(leadId)])
      .when(handOff(leadId, { campaign: 'Autumn', criteriaMet: ['BUDGET'], agreement: agreement(2, 8) }), marketing)
      .then([
        handedOff(leadId, 2, {
          campaign: 'Autumn',
          criteriaMet: ['BUDGET'],
          agreementVersion: 2,
          meetsAgreement: false,
          handedOffAt: at,
          respondBy: '2026-03-02T17:00:00.000Z',
        }),
      ]);
  });

  it('hands a recycled lead off again even with the input of its first handoff, and then answers that as a repeat', () => {
    const leadId = randomUUID();
    const again = handedOff(leadId, 2, { handedOffAt: at, respondBy: '2026-03-03T09:00:00.000Z' });
    spec.given([handedOff(leadId), rejected(leadId), recycled(leadId)]).when(handOff(leadId), marketing).then([again]);
    spec.given([handedOff(leadId), rejected(leadId), recycled(leadId), again]).when(handOff(leadId), marketing).then([]);
  });

  it('needs an agreement in force for a re-handoff', () => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId), rejected(leadId), recycled(leadId)]).when(handOff(leadId, { agreement: null }), marketing).thenThrows('CONFLICT');
  });

  it.each([sales, as('SALES', true), as('EXECUTIVE')])('forbids $actor.team (lead: $actor.lead)', (context) => {
    spec.given([]).when(handOff(randomUUID()), context).thenThrows('FORBIDDEN');
  });
});

describe('acceptLead', () => {
  const accept = (leadId: string) => ({ type: 'AcceptLead', leadId }) as const;

  it.each([sales, revops])('lets $actor.team accept a lead awaiting an answer', (context) => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(accept(leadId), context).then([{ type: 'LeadAccepted', data: { leadId, handoff: 1, at } }]);
  });

  it('accepts the latest handoff of a lead handed off again', () => {
    const leadId = randomUUID();
    spec
      .given([handedOff(leadId), rejected(leadId), recycled(leadId), handedOff(leadId, 2)])
      .when(accept(leadId), sales)
      .then([{ type: 'LeadAccepted', data: { leadId, handoff: 2, at } }]);
  });

  it.each([
    ['ACCEPTED', (id: string) => [handedOff(id), accepted(id)]],
    ['REJECTED', (id: string) => [handedOff(id), rejected(id)]],
    ['RECYCLED', (id: string) => [handedOff(id), rejected(id), recycled(id)]],
    ['CONVERTED', (id: string) => [handedOff(id), accepted(id), converted(id)]],
  ])('refuses a lead that is %s, as a conflict', (_status, history) => {
    const leadId = randomUUID();
    spec.given(history(leadId)).when(accept(leadId), sales).thenThrows('CONFLICT');
  });

  it('refuses a lead that does not exist', () => {
    spec.given([]).when(accept(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, as('MARKETING', true), as('EXECUTIVE')])('forbids $actor.team (lead: $actor.lead)', (context) => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(accept(leadId), context).thenThrows('FORBIDDEN');
  });
});

describe('rejectLead', () => {
  const reject = (leadId: string, reason: RejectionReasonSnapshot | null = rejection(), note: string | null = 'No budget this year') =>
    ({ type: 'RejectLead', leadId, reasonCode: 'NO_BUDGET', reason, note }) as const;

  it.each([sales, revops])('lets $actor.team reject a lead with a REJECTION reason and a note', (context) => {
    const leadId = randomUUID();
    spec
      .given([handedOff(leadId)])
      .when(reject(leadId), context)
      .then([{ type: 'LeadRejected', data: { leadId, handoff: 1, reasonCode: 'NO_BUDGET', note: 'No budget this year', at } }]);
  });

  it.each<[string, RejectionReasonSnapshot | null]>([
    ['an unknown reason', null],
    ['a retired reason', rejection('REJECTION', true)],
    ['a LOSS reason', rejection('LOSS')],
    ['a WIN reason', rejection('WIN')],
  ])('refuses %s on reasonCode', (_what, reason) => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(reject(leadId, reason), sales).thenThrows('INVALID_INPUT', 'reasonCode');
  });

  it.each([
    ['ACCEPTED', (id: string) => [handedOff(id), accepted(id)]],
    ['REJECTED', (id: string) => [handedOff(id), rejected(id)]],
    ['RECYCLED', (id: string) => [handedOff(id), rejected(id), recycled(id)]],
  ])('refuses a lead that is %s, as a conflict', (_status, history) => {
    const leadId = randomUUID();
    spec.given(history(leadId)).when(reject(leadId), sales).thenThrows('CONFLICT');
  });

  it('refuses a lead that does not exist, and forbids marketing', () => {
    spec.given([]).when(reject(randomUUID()), sales).thenThrows('NOT_FOUND');
    const leadId = randomUUID();
    spec.given([handedOff(leadId)]).when(reject(leadId), marketing).thenThrows('FORBIDDEN');
  });
});

describe('recycleLead', () => {
  const recycle = (leadId: string) => ({ type: 'RecycleLead', leadId, note: 'Re-qualified after a call' }) as const;

  it.each([marketing, revops])('lets $actor.team take a rejected lead back', (context) => {
    const leadId = randomUUID();
    spec
      .given([handedOff(leadId), rejected(leadId)])
      .when(recycle(leadId), context)
      .then([{ type: 'LeadRecycled', data: { leadId, handoff: 1, note: 'Re-qualified after a call', at } }]);
  });

  it.each([
    ['HANDED_OFF', (id: string) => [handedOff(id)]],
    ['ACCEPTED', (id: string) => [handedOff(id), accepted(id)]],
    ['RECYCLED', (id: string) => [handedOff(id), rejected(id), recycled(id)]],
  ])('refuses a lead that is %s, as a conflict', (_status, history) => {
    const leadId = randomUUID();
    spec.given(history(leadId)).when(recycle(leadId), marketing).thenThrows('CONFLICT');
  });

  it('refuses a lead that does not exist, and forbids sales', () => {
    spec.given([]).when(recycle(randomUUID()), marketing).thenThrows('NOT_FOUND');
    const leadId = randomUUID();
    spec.given([handedOff(leadId), rejected(leadId)]).when(recycle(leadId), sales).thenThrows('FORBIDDEN');
  });
});

describe('convertLead', () => {
  it.each([sales, revops])('lets $actor.team claim the one deal of an accepted lead, carrying all the deal needs', (context) => {
    const leadId = randomUUID();
    spec
      .given([handedOff(leadId), accepted(leadId)])
      .when(conversion(leadId), context)
      .then([{ ...converted(leadId), data: { ...converted(leadId).data, convertedAt: at } } as LeadEvent]);
  });

  it('carries the latest handoff: its number, channel, campaign and time', () => {
    const leadId = randomUUID();
    const second = handedOff(leadId, 2, { campaign: 'Autumn', channel: 'Event', segment: null, handedOffAt: '2026-03-01T20:00:00.000Z' });
    spec
      .given([handedOff(leadId), rejected(leadId), recycled(leadId), second, accepted(leadId, 2)])
      .when(conversion(leadId), sales)
      .then([
        {
          type: 'LeadConverted',
          data: {
            ...(converted(leadId, 2).data as object),
            segment: null,
            channel: 'Event',
            campaign: 'Autumn',
            handedOffAt: '2026-03-01T20:00:00.000Z',
            convertedAt: at,
          },
        } as LeadEvent,
      ]);
  });

  it('answers the winning conversion repeated with no new event', () => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId), accepted(leadId), converted(leadId)]).when(conversion(leadId), sales).then([]);
  });

  it.each([
    ['another deal id', { dealId: 'another-deal' }],
    ['another title', { title: 'Other' }],
    ['another owner', { owner: 'Sam' }],
    ['another amount', { amountMinor: 1 }],
    ['another expected close', { expectedCloseDate: null }],
  ] as const)('refuses converting a converted lead again with %s, as a conflict', (_what, overrides) => {
    const leadId = randomUUID();
    spec.given([handedOff(leadId), accepted(leadId), converted(leadId)]).when(conversion(leadId, overrides), sales).thenThrows('CONFLICT');
  });

  it.each([
    ['HANDED_OFF', (id: string) => [handedOff(id)]],
    ['REJECTED', (id: string) => [handedOff(id), rejected(id)]],
    ['RECYCLED', (id: string) => [handedOff(id), rejected(id), recycled(id)]],
  ])('refuses a lead that is %s, as a conflict', (_status, history) => {
    const leadId = randomUUID();
    spec.given(history(leadId)).when(conversion(leadId), sales).thenThrows('CONFLICT');
  });

  it('refuses a lead that does not exist, and forbids marketing', () => {
    spec.given([]).when(conversion(randomUUID()), sales).thenThrows('NOT_FOUND');
    const leadId = randomUUID();
    spec.given([handedOff(leadId), accepted(leadId)]).when(conversion(leadId), marketing).thenThrows('FORBIDDEN');
  });
});
