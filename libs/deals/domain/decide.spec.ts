import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FUTURE_TOLERANCE_MS, toIso, type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import {
  dealDecider,
  dealSnapshot,
  type DealEvent,
  type DealOpened,
  type LoseDeal,
  type OpenDeal,
  type OpenDealStage,
  type ReasonSnapshot,
  type RecordTouch,
  type WinDeal,
} from './index.js';

const now = Date.parse('2026-03-10T12:00:00Z');
const at = toIso(now);
const openedAt = '2026-03-01T09:00:00.000Z';
const closedAt = '2026-03-08T17:00:00.000Z';
const minutes = (count: number): number => count * 60 * 1000;

function as(team: ActorTeam): CommandContext {
  return { actor: { id: `${team.toLowerCase()}-1`, team, lead: false }, now, correlationId: randomUUID() };
}
const marketing = as('MARKETING');
const sales = as('SALES');
const revops = as('REVOPS');
const executive = as('EXECUTIVE');

const spec = deciderSpec(dealDecider);

function opening(dealId: string, overrides: Partial<OpenDeal> = {}): OpenDeal {
  return {
    type: 'OpenDeal',
    dealId,
    title: 'Acme platform rollout',
    account: 'Acme',
    segment: 'Enterprise',
    source: 'MARKETING',
    owner: 'Dana Sales',
    amountMinor: 12_500_000,
    currency: 'USD',
    expectedCloseDate: '2026-06-30',
    openedAt: Date.parse(openedAt),
    lead: null,
    ...overrides,
  };
}

function opened(dealId: string, overrides: Partial<DealOpened['data']> = {}): DealOpened {
  return {
    type: 'DealOpened',
    data: {
      dealId,
      title: 'Acme platform rollout',
      account: 'Acme',
      segment: 'Enterprise',
      source: 'MARKETING',
      owner: 'Dana Sales',
      amountMinor: 12_500_000,
      currency: 'USD',
      expectedCloseDate: '2026-06-30',
      openedAt,
      ...overrides,
    },
  };
}

const moved = (dealId: string, from: OpenDealStage, to: OpenDealStage): DealEvent => ({
  type: 'DealStageMoved',
  data: { dealId, from, to },
});
const won = (dealId: string, closure = 1, fromStage: OpenDealStage = 'QUALIFICATION'): DealEvent => ({
  type: 'DealWon',
  data: { dealId, closure, amountMinor: 12_500_000, closedAt, fromStage },
});
const lost = (dealId: string, closure = 1, fromStage: OpenDealStage = 'QUALIFICATION'): DealEvent => ({
  type: 'DealLost',
  data: { dealId, closure, amountMinor: 12_500_000, closedAt, reasonCode: 'PRICE_TOO_HIGH', competitor: 'Globex', fromStage },
});
const reopened = (dealId: string, closure = 1, stage: OpenDealStage = 'QUALIFICATION'): DealEvent => ({
  type: 'DealReopened',
  data: { dealId, closure, stage, note: null, reopenedAt: '2026-03-09T10:00:00.000Z' },
});

function touch(dealId: string, overrides: Partial<RecordTouch> = {}): RecordTouch {
  return {
    type: 'RecordTouch',
    dealId,
    touchId: 'touch-1',
    team: 'MARKETING',
    channel: 'Webinar',
    campaign: 'Spring launch',
    occurredAt: Date.parse('2026-03-05T15:00:00Z'),
    ...overrides,
  };
}
const touchRecorded = (dealId: string, overrides: Partial<RecordTouch> = {}): DealEvent => {
  const command = touch(dealId, overrides);
  return {
    type: 'DealTouchRecorded',
    data: {
      dealId,
      touchId: command.touchId,
      team: command.team,
      channel: command.channel,
      campaign: command.campaign,
      occurredAt: toIso(command.occurredAt),
    },
  };
};

const winning = (dealId: string, overrides: Partial<WinDeal> = {}): WinDeal => ({
  type: 'WinDeal',
  dealId,
  amountMinor: null,
  currency: 'USD',
  closedAt: null,
  ...overrides,
});

describe('openDeal', () => {
  it.each([sales, revops])('lets $actor.team open a deal, OPEN at QUALIFICATION', (context) => {
    const dealId = randomUUID();
    spec.given([]).when(opening(dealId), context).then([opened(dealId)]);
  });

  it('opens now when no openedAt is given', () => {
    const dealId = randomUUID();
    spec.given([]).when(opening(dealId, { openedAt: null }), sales).then([opened(dealId, { openedAt: at })]);
  });

  it('takes an openedAt up to five minutes ahead of the clock', () => {
    const dealId = randomUUID();
    const ahead = now + FUTURE_TOLERANCE_MS;
    spec.given([]).when(opening(dealId, { openedAt: ahead }), sales).then([opened(dealId, { openedAt: toIso(ahead) })]);
  });

  it('refuses an openedAt further in the future on openedAt', () => {
    spec
      .given([])
      .when(opening(randomUUID(), { openedAt: now + FUTURE_TOLERANCE_MS + 1 }), sales)
      .thenThrows('INVALID_INPUT', 'openedAt');
  });

  describe('from a converted lead', () => {
    const lead = { leadId: 'lead-7', touchId: 'lead-lead-7-2', channel: 'Webinar', campaign: 'Spring', handedOffAt: Date.parse('2026-02-20T12:00:00Z') };

    it('records the lead and starts the deal with the MARKETING touch of its handoff', () => {
      const dealId = randomUUID();
      spec
        .given([])
        .when(opening(dealId, { lead }), sales)
        .then([
          opened(dealId, { leadId: 'lead-7' }),
          {
            type: 'DealTouchRecorded',
            data: { dealId, touchId: 'lead-lead-7-2', team: 'MARKETING', channel: 'Webinar', campaign: 'Spring', occurredAt: '2026-02-20T12:00:00.000Z' },
          },
        ]);
    });

    it('answers the same conversion again with no new event, and refuses the id to a deal opened otherwise', () => {
      const dealId = randomUUID();
      spec.given([opened(dealId, { leadId: 'lead-7' })]).when(opening(dealId, { lead }), revops).then([]);
      spec.given([opened(dealId, { leadId: 'lead-7' })]).when(opening(dealId), sales).thenThrows('CONFLICT');
      spec.given([opened(dealId)]).when(opening(dealId, { lead }), sales).thenThrows('CONFLICT');
      spec.given([opened(dealId, { leadId: 'lead-8' })]).when(opening(dealId, { lead }), sales).thenThrows('CONFLICT');
    });

    it('is forbidden to whoever may not open a deal', () => {
      spec.given([]).when(opening(randomUUID(), { lead }), marketing).thenThrows('FORBIDDEN');
    });
  });

  it('answers a repeat of the same input with no new event', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(opening(dealId), sales).then([]);
  });

  it('takes a repeat without openedAt as the same input, whatever the first attempt defaulted to', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(opening(dealId, { openedAt: null }), revops).then([]);
    spec.given([opened(dealId, { openedAt: toIso(now - minutes(3)) })]).when(opening(dealId, { openedAt: null }), sales).then([]);
  });

  it('compares a repeat with the deal as opened, not as revised since', () => {
    const dealId = randomUUID();
    const revised: DealEvent = {
      type: 'DealRevised',
      data: { dealId, amountMinor: 9_000_000, expectedCloseDate: '2026-09-30', previousAmountMinor: 12_500_000, previousExpectedCloseDate: '2026-06-30' },
    };
    spec.given([opened(dealId), revised]).when(opening(dealId), sales).then([]);
  });

  it.each<[string, Partial<OpenDeal>]>([
    ['another openedAt', { openedAt: Date.parse(openedAt) + 1 }],
    ['another title', { title: 'Acme pilot' }],
    ['another account', { account: 'Acme Europe' }],
    ['another segment', { segment: null }],
    ['another source', { source: 'SALES' }],
    ['another owner', { owner: 'Sam Sales' }],
    ['another amount', { amountMinor: 12_500_001 }],
    ['another currency', { currency: 'EUR' }],
    ['another expected close date', { expectedCloseDate: null }],
  ])('refuses the same id with %s', (_what, overrides) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(opening(dealId, overrides), sales).thenThrows('CONFLICT');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    spec.given([]).when(opening(randomUUID()), context).thenThrows('FORBIDDEN');
  });
});

describe('recordTouch', () => {
  it.each([
    ['MARKETING', 'MARKETING'],
    ['SALES', 'SALES'],
    ['REVOPS', 'MARKETING'],
    ['REVOPS', 'SALES'],
  ] as const)('lets %s record a touch of %s', (caller, team) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(touch(dealId, { team }), as(caller)).then([touchRecorded(dealId, { team })]);
    // Kept with its data: the same touch again is a repeat, another one under its id a conflict.
    spec.given([opened(dealId), touchRecorded(dealId, { team })]).when(touch(dealId, { team }), as(caller)).then([]);
    spec.given([opened(dealId), touchRecorded(dealId, { team })]).when(touch(dealId, { team, channel: 'Call' }), as(caller)).thenThrows('CONFLICT');
  });

  it.each([
    ['MARKETING', 'SALES'],
    ['SALES', 'MARKETING'],
    ['EXECUTIVE', 'MARKETING'],
    ['EXECUTIVE', 'SALES'],
  ] as const)('forbids %s a touch of %s', (caller, team) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(touch(dealId, { team }), as(caller)).thenThrows('FORBIDDEN');
  });

  it.each([
    ['MARKETING', 'SALES', 'records touches of its own team only'],
    ['SALES', 'MARKETING', 'records touches of its own team only'],
    ['EXECUTIVE', 'SALES', 'Only MARKETING, SALES (each for their own team) or REVOPS may record a touch'],
  ] as const)('tells %s, refused a touch of %s, what it may do instead', (caller, team, explanation) => {
    const dealId = randomUUID();
    const error = spec.given([opened(dealId)]).when(touch(dealId, { team }), as(caller)).thenThrows('FORBIDDEN');
    expect(error.message).toContain(explanation);
  });

  it('records a touch with a new id on a deal that already has touches', () => {
    const dealId = randomUUID();
    const second = { touchId: 'touch-2', team: 'SALES', channel: 'Call', campaign: null } as const;
    spec
      .given([opened(dealId), touchRecorded(dealId)])
      .when(touch(dealId, second), sales)
      .then([touchRecorded(dealId, second)]);
  });

  it('takes a touch from before the deal was opened', () => {
    const dealId = randomUUID();
    const early = Date.parse('2026-01-15T10:00:00Z');
    spec.given([opened(dealId)]).when(touch(dealId, { occurredAt: early }), marketing).then([touchRecorded(dealId, { occurredAt: early })]);
  });

  it('refuses a touch more than five minutes in the future on occurredAt', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(touch(dealId, { occurredAt: now + FUTURE_TOLERANCE_MS + 1 }), marketing)
      .thenThrows('INVALID_INPUT', 'occurredAt');
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('takes a touch up to the close of a %s deal', (_outcome, close) => {
    const dealId = randomUUID();
    const atClose = Date.parse(closedAt);
    spec
      .given([opened(dealId), close(dealId)])
      .when(touch(dealId, { occurredAt: atClose }), marketing)
      .then([touchRecorded(dealId, { occurredAt: atClose })]);
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('refuses a touch after the close of a %s deal on occurredAt', (_outcome, close) => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), close(dealId)])
      .when(touch(dealId, { occurredAt: Date.parse(closedAt) + 1 }), marketing)
      .thenThrows('INVALID_INPUT', 'occurredAt');
  });

  it('takes a touch after the earlier close once the deal is reopened', () => {
    const dealId = randomUUID();
    const later = Date.parse(closedAt) + minutes(60);
    spec
      .given([opened(dealId), won(dealId), reopened(dealId)])
      .when(touch(dealId, { occurredAt: later }), marketing)
      .then([touchRecorded(dealId, { occurredAt: later })]);
  });

  it('answers the same touch id with the same data with no new event, even after the deal closed before it', () => {
    const dealId = randomUUID();
    const late = Date.parse(closedAt) + minutes(60);
    spec.given([opened(dealId), touchRecorded(dealId)]).when(touch(dealId), marketing).then([]);
    spec
      .given([opened(dealId), touchRecorded(dealId, { occurredAt: late }), won(dealId)])
      .when(touch(dealId, { occurredAt: late }), marketing)
      .then([]);
  });

  it.each<[string, Partial<RecordTouch>]>([
    ['team', { team: 'SALES' }],
    ['channel', { channel: 'Email' }],
    ['campaign', { campaign: null }],
    ['occurredAt', { occurredAt: Date.parse('2026-03-05T15:00:01Z') }],
  ])('refuses the same touch id with another %s', (_what, overrides) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), touchRecorded(dealId)]).when(touch(dealId, overrides), revops).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(touch(randomUUID()), marketing).thenThrows('NOT_FOUND');
  });
});

describe('moveDealStage', () => {
  const move = (dealId: string, stage: OpenDealStage) => ({ type: 'MoveDealStage', dealId, stage }) as const;

  it.each([sales, revops])('lets $actor.team move a deal forward and back', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(move(dealId, 'PROPOSAL'), context).then([moved(dealId, 'QUALIFICATION', 'PROPOSAL')]);
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'PROPOSAL')])
      .when(move(dealId, 'DISCOVERY'), context)
      .then([moved(dealId, 'PROPOSAL', 'DISCOVERY')]);
  });

  it('answers a move to the current stage with no new event', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId), moved(dealId, 'QUALIFICATION', 'NEGOTIATION')]).when(move(dealId, 'NEGOTIATION'), sales).then([]);
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('refuses a %s deal', (_outcome, close) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), close(dealId)]).when(move(dealId, 'DISCOVERY'), sales).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(move(randomUUID(), 'DISCOVERY'), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(move(dealId, 'DISCOVERY'), context).thenThrows('FORBIDDEN');
  });
});

describe('reviseDeal', () => {
  const revise = (dealId: string, amountMinor: number | null, expectedCloseDate: string | null, currency = 'USD') =>
    ({ type: 'ReviseDeal', dealId, amountMinor, expectedCloseDate, currency }) as const;

  it.each([sales, revops])('lets $actor.team revise the amount, keeping the date', (context) => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(revise(dealId, 15_000_000, null), context)
      .then([
        {
          type: 'DealRevised',
          data: {
            dealId,
            amountMinor: 15_000_000,
            expectedCloseDate: '2026-06-30',
            previousAmountMinor: 12_500_000,
            previousExpectedCloseDate: '2026-06-30',
          },
        },
      ]);
    const revised: DealEvent = {
      type: 'DealRevised',
      data: { dealId, amountMinor: 15_000_000, expectedCloseDate: '2026-06-30', previousAmountMinor: 12_500_000, previousExpectedCloseDate: '2026-06-30' },
    };
    // The revision is the deal's amount from then on.
    spec.given([opened(dealId), revised]).when(revise(dealId, 15_000_000, null), context).then([]);
    spec
      .given([opened(dealId), revised])
      .when(winning(dealId), context)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 15_000_000, closedAt: at, fromStage: 'QUALIFICATION' } }]);
  });

  it('revises the expected close date alone, or both at once', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(revise(dealId, null, '2026-07-15'), sales)
      .then([
        {
          type: 'DealRevised',
          data: {
            dealId,
            amountMinor: 12_500_000,
            expectedCloseDate: '2026-07-15',
            previousAmountMinor: 12_500_000,
            previousExpectedCloseDate: '2026-06-30',
          },
        },
      ]);
    spec.given([opened(dealId)]).when(revise(dealId, 0, '2026-07-15'), sales).then([
      {
        type: 'DealRevised',
        data: { dealId, amountMinor: 0, expectedCloseDate: '2026-07-15', previousAmountMinor: 12_500_000, previousExpectedCloseDate: '2026-06-30' },
      },
    ]);
  });

  it('sets a first expected close date', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId, { expectedCloseDate: null })])
      .when(revise(dealId, null, '2026-07-15'), sales)
      .then([
        {
          type: 'DealRevised',
          data: { dealId, amountMinor: 12_500_000, expectedCloseDate: '2026-07-15', previousAmountMinor: 12_500_000, previousExpectedCloseDate: null },
        },
      ]);
  });

  it('answers a revision that changes nothing with no new event', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(revise(dealId, 12_500_000, '2026-06-30'), sales).then([]);
    spec.given([opened(dealId)]).when(revise(dealId, 12_500_000, null), sales).then([]);
  });

  it('refuses an amount in another currency than the deal’s', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(revise(dealId, 100, null, 'EUR'), sales).thenThrows('CONFLICT');
  });

  it('revises the date alone of a deal in another currency than the service’s: no amount is compared', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(revise(dealId, null, '2026-07-15', 'EUR'), sales)
      .then([
        {
          type: 'DealRevised',
          data: { dealId, amountMinor: 12_500_000, expectedCloseDate: '2026-07-15', previousAmountMinor: 12_500_000, previousExpectedCloseDate: '2026-06-30' },
        },
      ]);
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('refuses a %s deal', (_outcome, close) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), close(dealId)]).when(revise(dealId, 1, null), sales).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(revise(randomUUID(), 1, null), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(revise(dealId, 1, null), context).thenThrows('FORBIDDEN');
  });
});

describe('winDeal', () => {

  it.each([sales, revops])('lets $actor.team win a deal at its amount, now', (context) => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'NEGOTIATION')])
      .when(winning(dealId), context)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt: at, fromStage: 'NEGOTIATION' } }]);
  });

  it('wins at a final amount and a past close, which become the deal’s', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { amountMinor: 11_000_000, closedAt: Date.parse(closedAt) }), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 11_000_000, closedAt, fromStage: 'QUALIFICATION' } }]);
    const wonAt: DealEvent = { type: 'DealWon', data: { dealId, closure: 1, amountMinor: 11_000_000, closedAt, fromStage: 'QUALIFICATION' } };
    // The close bounds later touches; once reopened, the final amount is the deal's amount.
    spec
      .given([opened(dealId), wonAt])
      .when(touch(dealId, { team: 'SALES', occurredAt: Date.parse(closedAt) + 1 }), sales)
      .thenThrows('INVALID_INPUT', 'occurredAt');
    spec
      .given([opened(dealId), wonAt, reopened(dealId)])
      .when(winning(dealId), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 2, amountMinor: 11_000_000, closedAt: at, fromStage: 'QUALIFICATION' } }]);
  });

  it('takes a close at the very moment of opening, and up to five minutes ahead of the clock', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { closedAt: Date.parse(openedAt) }), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt: openedAt, fromStage: 'QUALIFICATION' } }]);
    const ahead = now + FUTURE_TOLERANCE_MS;
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { closedAt: ahead }), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt: toIso(ahead), fromStage: 'QUALIFICATION' } }]);
  });

  it('closes a deal opened slightly ahead of the clock no earlier than its opening', () => {
    const dealId = randomUUID();
    const aheadOpening = toIso(now + minutes(2));
    spec
      .given([opened(dealId, { openedAt: aheadOpening })])
      .when(winning(dealId), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt: aheadOpening, fromStage: 'QUALIFICATION' } }]);
  });

  it('refuses a close before the deal opened, or too far in the future, on closedAt', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { closedAt: Date.parse(openedAt) - 1 }), sales)
      .thenThrows('INVALID_INPUT', 'closedAt');
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { closedAt: now + FUTURE_TOLERANCE_MS + 1 }), sales)
      .thenThrows('INVALID_INPUT', 'closedAt');
  });

  it('counts a second closure after a reopening', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'PROPOSAL'), lost(dealId, 1, 'PROPOSAL'), reopened(dealId, 1, 'PROPOSAL')])
      .when(winning(dealId), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 2, amountMinor: 12_500_000, closedAt: at, fromStage: 'PROPOSAL' } }]);
  });

  it('refuses an amount in another currency than the deal’s', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(winning(dealId, { amountMinor: 100, currency: 'EUR' }), sales).thenThrows('CONFLICT');
  });

  it('wins at the deal’s own amount when the service counts in another currency: no amount is compared', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(winning(dealId, { currency: 'EUR' }), sales)
      .then([{ type: 'DealWon', data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt: at, fromStage: 'QUALIFICATION' } }]);
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('refuses a %s deal', (_outcome, close) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), close(dealId)]).when(winning(dealId), sales).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(winning(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(winning(dealId), context).thenThrows('FORBIDDEN');
  });
});

describe('loseDeal', () => {
  const priceTooHigh: ReasonSnapshot = { code: 'PRICE_TOO_HIGH', kind: 'LOSS', retired: false };
  const losing = (dealId: string, overrides: Partial<LoseDeal> = {}): LoseDeal => ({
    type: 'LoseDeal',
    dealId,
    reasonCode: 'PRICE_TOO_HIGH',
    reason: priceTooHigh,
    competitor: 'Globex',
    closedAt: null,
    ...overrides,
  });

  it.each([sales, revops])('lets $actor.team lose a deal for an active LOSS reason', (context) => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'DISCOVERY')])
      .when(losing(dealId), context)
      .then([
        {
          type: 'DealLost',
          data: {
            dealId,
            closure: 1,
            amountMinor: 12_500_000,
            closedAt: at,
            reasonCode: 'PRICE_TOO_HIGH',
            competitor: 'Globex',
            fromStage: 'DISCOVERY',
          },
        },
      ]);
  });

  it('loses at a past close without a competitor', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(losing(dealId, { competitor: null, closedAt: Date.parse(closedAt) }), sales)
      .then([
        {
          type: 'DealLost',
          data: { dealId, closure: 1, amountMinor: 12_500_000, closedAt, reasonCode: 'PRICE_TOO_HIGH', competitor: null, fromStage: 'QUALIFICATION' },
        },
      ]);
  });

  it.each<[string, ReasonSnapshot | null]>([
    ['an unknown reason', null],
    ['a retired reason', { code: 'PRICE_TOO_HIGH', kind: 'LOSS', retired: true }],
    ['a WIN reason', { code: 'PRICE_TOO_HIGH', kind: 'WIN', retired: false }],
    ['a REJECTION reason', { code: 'NO_BUDGET', kind: 'REJECTION', retired: false }],
  ])('refuses %s on reasonCode', (_what, reason) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(losing(dealId, { reason }), sales).thenThrows('INVALID_INPUT', 'reasonCode');
  });

  it('refuses a close before the deal opened, or too far in the future, on closedAt', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId)])
      .when(losing(dealId, { closedAt: Date.parse(openedAt) - 1 }), sales)
      .thenThrows('INVALID_INPUT', 'closedAt');
    spec
      .given([opened(dealId)])
      .when(losing(dealId, { closedAt: now + FUTURE_TOLERANCE_MS + 1 }), sales)
      .thenThrows('INVALID_INPUT', 'closedAt');
  });

  it.each([
    ['won', won],
    ['lost', lost],
  ])('refuses a %s deal', (_outcome, close) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), close(dealId)]).when(losing(dealId), sales).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(losing(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(losing(dealId), context).thenThrows('FORBIDDEN');
  });
});

describe('reopenDeal', () => {
  const reopen = (dealId: string, note: string | null = null) => ({ type: 'ReopenDeal', dealId, note }) as const;

  it.each([sales, revops])('lets $actor.team reopen a won deal at the stage it had before closing', (context) => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'NEGOTIATION'), won(dealId, 1, 'NEGOTIATION')])
      .when(reopen(dealId, 'Signature was withdrawn'), context)
      .then([{ type: 'DealReopened', data: { dealId, closure: 1, stage: 'NEGOTIATION', note: 'Signature was withdrawn', reopenedAt: at } }]);
    // Open again at NEGOTIATION, with no close bounding its touches.
    const history = [opened(dealId), moved(dealId, 'QUALIFICATION', 'NEGOTIATION'), won(dealId, 1, 'NEGOTIATION'), reopened(dealId, 1, 'NEGOTIATION')];
    spec.given(history).when({ type: 'MoveDealStage', dealId, stage: 'NEGOTIATION' }, context).then([]);
    spec.given(history).when(touch(dealId, { team: 'SALES', occurredAt: now }), context).then([touchRecorded(dealId, { team: 'SALES', occurredAt: now })]);
  });

  it('keeps a lost deal’s earlier closure and its reason in history', () => {
    const dealId = randomUUID();
    spec
      .given([opened(dealId), moved(dealId, 'QUALIFICATION', 'PROPOSAL'), lost(dealId, 1, 'PROPOSAL')])
      .when(reopen(dealId), sales)
      .then([{ type: 'DealReopened', data: { dealId, closure: 1, stage: 'PROPOSAL', note: null, reopenedAt: at } }]);
  });

  it('refuses an open deal, a reopened one included', () => {
    const dealId = randomUUID();
    spec.given([opened(dealId)]).when(reopen(dealId), sales).thenThrows('CONFLICT');
    spec.given([opened(dealId), won(dealId), reopened(dealId)]).when(reopen(dealId), sales).thenThrows('CONFLICT');
  });

  it('refuses a deal that does not exist', () => {
    spec.given([]).when(reopen(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it.each([marketing, executive])('forbids $actor.team', (context) => {
    const dealId = randomUUID();
    spec.given([opened(dealId), won(dealId)]).when(reopen(dealId), context).thenThrows('FORBIDDEN');
  });
});

describe('dealSnapshot', () => {
  const fold = (events: DealEvent[]) => events.reduce(dealDecider.evolve, dealDecider.initialState());

  it('is null for a deal that does not exist', () => {
    expect(dealSnapshot(fold([]))).toBeNull();
  });

  it('has no latest closure for a deal never closed', () => {
    const dealId = randomUUID();
    expect(dealSnapshot(fold([opened(dealId)]))).toEqual({ id: dealId, status: 'OPEN', closures: 0, latestClosure: null });
  });

  it('names the latest closure, and keeps it once the deal is reopened', () => {
    const dealId = randomUUID();
    expect(dealSnapshot(fold([opened(dealId), lost(dealId), reopened(dealId), won(dealId, 2)]))).toEqual({
      id: dealId,
      status: 'WON',
      closures: 2,
      latestClosure: { closure: 2, outcome: 'WON', closedAt },
    });
    expect(dealSnapshot(fold([opened(dealId), lost(dealId), reopened(dealId)]))).toEqual({
      id: dealId,
      status: 'OPEN',
      closures: 1,
      latestClosure: { closure: 1, outcome: 'LOST', closedAt },
    });
  });
});
