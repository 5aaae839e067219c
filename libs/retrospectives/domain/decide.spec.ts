import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { toIso, type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import {
  retrospectiveDecider,
  type AddActionItem,
  type ConcludeRetrospective,
  type DealSnapshot,
  type FilePerspective,
  type OpenRetrospective,
  type ReasonSnapshots,
  type RetrospectiveEvent,
} from './index.js';

const now = Date.parse('2026-03-10T12:00:00Z');
const at = toIso(now);
const earlier = '2026-03-09T08:00:00.000Z';
const closedAt = '2026-03-05T17:00:00.000Z';

function as(team: ActorTeam, id = `${team.toLowerCase()}-1`): CommandContext {
  return { actor: { id, team, lead: false }, now, correlationId: randomUUID() };
}
const marketing = as('MARKETING');
const sales = as('SALES');
const revops = as('REVOPS');
const executive = as('EXECUTIVE');

const spec = deciderSpec(retrospectiveDecider);

/** The seeded catalog, plus one retired reason of each kind. */
const catalog: ReasonSnapshots = {
  PRICE_TOO_HIGH: { code: 'PRICE_TOO_HIGH', kind: 'LOSS', retired: false },
  BAD_TIMING: { code: 'BAD_TIMING', kind: 'LOSS', retired: false },
  NO_DECISION: { code: 'NO_DECISION', kind: 'LOSS', retired: false },
  OLD_LOSS: { code: 'OLD_LOSS', kind: 'LOSS', retired: true },
  BEST_VALUE: { code: 'BEST_VALUE', kind: 'WIN', retired: false },
  PRODUCT_FIT: { code: 'PRODUCT_FIT', kind: 'WIN', retired: false },
  OLD_WIN: { code: 'OLD_WIN', kind: 'WIN', retired: true },
  NO_BUDGET: { code: 'NO_BUDGET', kind: 'REJECTION', retired: false },
  NOT_IN_CATALOG: null,
};

function lostDeal(dealId: string, closure = 1): DealSnapshot {
  return { id: dealId, status: 'LOST', closures: closure, latestClosure: { closure, outcome: 'LOST', closedAt } };
}

function opened(retrospectiveId: string, dealId: string, outcome: 'WON' | 'LOST' = 'LOST'): RetrospectiveEvent {
  return { type: 'RetrospectiveOpened', data: { retrospectiveId, dealId, closure: 1, outcome, closedAt, openedAt: earlier } };
}

function filed(retrospectiveId: string, team: 'MARKETING' | 'SALES', reasonCodes = ['PRICE_TOO_HIGH']): RetrospectiveEvent {
  return {
    type: 'PerspectiveFiled',
    data: { retrospectiveId, team, author: `${team.toLowerCase()}-1`, reasonCodes, notes: null, filedAt: earlier },
  };
}

function concluded(retrospectiveId: string): RetrospectiveEvent {
  return {
    type: 'RetrospectiveConcluded',
    data: { retrospectiveId, agreedReasonCodes: ['PRICE_TOO_HIGH'], summary: 'Too pricey', concludedBy: 'revops-1', concludedAt: earlier },
  };
}

type AddedData = Extract<RetrospectiveEvent, { type: 'ActionItemAdded' }>['data'];

function itemAdded(retrospectiveId: string, actionItemId: string, addedBy = 'marketing-1', addedAt = earlier): RetrospectiveEvent {
  return {
    type: 'ActionItemAdded',
    data: {
      retrospectiveId,
      actionItemId,
      ownerTeam: 'MARKETING',
      description: 'Publish a pricing FAQ',
      dueDate: '2026-04-01',
      addedBy,
      addedAt,
    },
  };
}

/** A lost deal's retrospective, opened, with the given history after the opening. */
function lostRetrospective(...after: ((id: string) => RetrospectiveEvent)[]): { id: string; history: RetrospectiveEvent[] } {
  const id = randomUUID();
  return { id, history: [opened(id, randomUUID()), ...after.map((make) => make(id))] };
}

describe('openRetrospective', () => {
  const openFor = (retrospectiveId: string, dealId: string, deal: DealSnapshot | null): OpenRetrospective => ({
    type: 'OpenRetrospective',
    retrospectiveId,
    dealId,
    deal,
  });

  it.each([marketing, sales, revops])('lets $actor.team open one for a lost deal, recording the closure', (context) => {
    const [id, dealId] = [randomUUID(), randomUUID()];
    spec
      .given([])
      .when(openFor(id, dealId, lostDeal(dealId)), context)
      .then([
        { type: 'RetrospectiveOpened', data: { retrospectiveId: id, dealId, closure: 1, outcome: 'LOST', closedAt, openedAt: at } },
      ]);
  });

  it('takes the outcome of the latest closure for a deal won on its second closure', () => {
    const [id, dealId] = [randomUUID(), randomUUID()];
    const won: DealSnapshot = { id: dealId, status: 'WON', closures: 2, latestClosure: { closure: 2, outcome: 'WON', closedAt } };
    spec
      .given([])
      .when(openFor(id, dealId, won), sales)
      .then([{ type: 'RetrospectiveOpened', data: { retrospectiveId: id, dealId, closure: 2, outcome: 'WON', closedAt, openedAt: at } }]);
  });

  it('refuses a deal that does not exist, naming it', () => {
    const dealId = randomUUID();
    const error = spec.given([]).when(openFor(randomUUID(), dealId, null), sales).thenThrows('NOT_FOUND');
    expect(error.message).toContain(dealId);
  });

  it('refuses an open deal, a reopened one included', () => {
    const dealId = randomUUID();
    const reopened: DealSnapshot = { id: dealId, status: 'OPEN', closures: 1, latestClosure: { closure: 1, outcome: 'LOST', closedAt } };
    const neverClosed: DealSnapshot = { id: dealId, status: 'OPEN', closures: 0, latestClosure: null };
    spec.given([]).when(openFor(randomUUID(), dealId, reopened), sales).thenThrows('CONFLICT');
    spec.given([]).when(openFor(randomUUID(), dealId, neverClosed), sales).thenThrows('CONFLICT');
  });

  it('answers a repeat for the same deal and closure with no new event, even once the deal was reopened', () => {
    const [id, dealId] = [randomUUID(), randomUUID()];
    const reopened: DealSnapshot = { ...lostDeal(dealId), status: 'OPEN' };
    spec.given([opened(id, dealId)]).when(openFor(id, dealId, lostDeal(dealId)), sales).then([]);
    spec.given([opened(id, dealId)]).when(openFor(id, dealId, reopened), sales).then([]);
  });

  it('refuses the same id for another deal or a later closure', () => {
    const [id, dealId, otherDealId] = [randomUUID(), randomUUID(), randomUUID()];
    spec.given([opened(id, dealId)]).when(openFor(id, otherDealId, lostDeal(otherDealId)), sales).thenThrows('CONFLICT');
    spec.given([opened(id, dealId)]).when(openFor(id, dealId, lostDeal(dealId, 2)), sales).thenThrows('CONFLICT');
  });

  it('forbids EXECUTIVE', () => {
    const dealId = randomUUID();
    spec.given([]).when(openFor(randomUUID(), dealId, lostDeal(dealId)), executive).thenThrows('FORBIDDEN');
  });
});

describe('filePerspective', () => {
  const fileOn = (retrospectiveId: string, reasonCodes: string[], notes: string | null = null): FilePerspective => ({
    type: 'FilePerspective',
    retrospectiveId,
    reasonCodes,
    notes,
    reasons: catalog,
  });

  it.each([marketing, sales])('files the perspective of the caller’s own team, $actor.team', (context) => {
    const { id, history } = lostRetrospective();
    const team = context.actor.team as 'MARKETING' | 'SALES';
    spec
      .given(history)
      .when(fileOn(id, ['PRICE_TOO_HIGH', 'BAD_TIMING'], 'They found budget elsewhere'), context)
      .then([
        {
          type: 'PerspectiveFiled',
          data: {
            retrospectiveId: id,
            team,
            author: context.actor.id,
            reasonCodes: ['PRICE_TOO_HIGH', 'BAD_TIMING'],
            notes: 'They found budget elsewhere',
            filedAt: at,
          },
        },
      ]);
  });

  it('replaces the team’s earlier perspective and leaves the other team’s alone', () => {
    const { id, history } = lostRetrospective((r) => filed(r, 'MARKETING'), (r) => filed(r, 'SALES'));
    spec
      .given(history)
      .when(fileOn(id, ['BAD_TIMING']), as('SALES', 'sales-2'))
      .then([
        {
          type: 'PerspectiveFiled',
          data: { retrospectiveId: id, team: 'SALES', author: 'sales-2', reasonCodes: ['BAD_TIMING'], notes: null, filedAt: at },
        },
      ]);
    const refiled: RetrospectiveEvent = {
      type: 'PerspectiveFiled',
      data: { retrospectiveId: id, team: 'SALES', author: 'sales-2', reasonCodes: ['BAD_TIMING'], notes: null, filedAt: at },
    };
    // SALES' perspective is now the new one; MARKETING's is as it was.
    spec.given([...history, refiled]).when(fileOn(id, ['BAD_TIMING']), as('SALES', 'sales-2')).then([]);
    spec.given([...history, refiled]).when(fileOn(id, ['PRICE_TOO_HIGH']), marketing).then([]);
  });

  it('answers a refile identical to the current perspective with no new event', () => {
    const { id, history } = lostRetrospective((r) => filed(r, 'SALES'));
    spec.given(history).when(fileOn(id, ['PRICE_TOO_HIGH']), sales).then([]);
  });

  it.each<[string, string[], string | null, CommandContext]>([
    ['another reason list of the same length', ['PRICE_TOO_HIGH', 'NO_DECISION'], null, sales],
    ['the same reasons in another order', ['BAD_TIMING', 'PRICE_TOO_HIGH'], null, sales],
    ['one more reason', ['PRICE_TOO_HIGH', 'BAD_TIMING', 'NO_DECISION'], null, sales],
    ['one reason fewer', ['PRICE_TOO_HIGH'], null, sales],
    ['the notes alone changed', ['PRICE_TOO_HIGH', 'BAD_TIMING'], 'Budget moved to next year', sales],
    ['another author of the same team', ['PRICE_TOO_HIGH', 'BAD_TIMING'], null, as('SALES', 'sales-2')],
  ])('files again when a refile differs from the current perspective: %s', (_what, reasonCodes, notes, context) => {
    // given SALES filed PRICE_TOO_HIGH and BAD_TIMING, without notes
    const { id, history } = lostRetrospective((r) => filed(r, 'SALES', ['PRICE_TOO_HIGH', 'BAD_TIMING']));

    spec
      .given(history)
      .when(fileOn(id, reasonCodes, notes), context)
      .then([
        {
          type: 'PerspectiveFiled',
          data: { retrospectiveId: id, team: 'SALES', author: context.actor.id, reasonCodes, notes, filedAt: at },
        },
      ]);
  });

  it('files again when only the notes are taken away', () => {
    const id = randomUUID();
    const withNotes: RetrospectiveEvent = {
      type: 'PerspectiveFiled',
      data: { retrospectiveId: id, team: 'MARKETING', author: 'marketing-1', reasonCodes: ['BAD_TIMING'], notes: 'Late budget', filedAt: earlier },
    };

    spec
      .given([opened(id, randomUUID()), withNotes])
      .when(fileOn(id, ['BAD_TIMING'], null), marketing)
      .then([
        {
          type: 'PerspectiveFiled',
          data: { retrospectiveId: id, team: 'MARKETING', author: 'marketing-1', reasonCodes: ['BAD_TIMING'], notes: null, filedAt: at },
        },
      ]);
  });

  it('takes WIN reasons for a won deal', () => {
    const id = randomUUID();
    spec
      .given([opened(id, randomUUID(), 'WON')])
      .when(fileOn(id, ['BEST_VALUE', 'PRODUCT_FIT']), marketing)
      .then([
        {
          type: 'PerspectiveFiled',
          data: {
            retrospectiveId: id,
            team: 'MARKETING',
            author: 'marketing-1',
            reasonCodes: ['BEST_VALUE', 'PRODUCT_FIT'],
            notes: null,
            filedAt: at,
          },
        },
      ]);
  });

  it.each([
    ['an unknown reason', ['PRICE_TOO_HIGH', 'NOT_IN_CATALOG']],
    ['a code the catalog was not asked about', ['SOMETHING_ELSE']],
    ['a retired reason', ['OLD_LOSS']],
    ['a WIN reason on a lost deal', ['BEST_VALUE']],
    ['a REJECTION reason, which answers a lead, not a deal', ['NO_BUDGET']],
  ])('refuses %s on reasonCodes', (_what, codes) => {
    const { id, history } = lostRetrospective();
    spec.given(history).when(fileOn(id, codes), sales).thenThrows('INVALID_INPUT', 'reasonCodes');
  });

  it('refuses a LOSS reason on a won deal', () => {
    const id = randomUUID();
    spec.given([opened(id, randomUUID(), 'WON')]).when(fileOn(id, ['PRICE_TOO_HIGH']), sales).thenThrows('INVALID_INPUT', 'reasonCodes');
  });

  it('refuses to file on a concluded retrospective', () => {
    const { id, history } = lostRetrospective((r) => filed(r, 'MARKETING'), (r) => filed(r, 'SALES'), concluded);
    spec.given(history).when(fileOn(id, ['BAD_TIMING']), sales).thenThrows('CONFLICT');
  });

  it('refuses a retrospective that does not exist', () => {
    spec.given([]).when(fileOn(randomUUID(), ['BAD_TIMING']), sales).thenThrows('NOT_FOUND');
  });

  it.each([revops, executive])('forbids $actor.team', (context) => {
    const { id, history } = lostRetrospective();
    spec.given(history).when(fileOn(id, ['BAD_TIMING']), context).thenThrows('FORBIDDEN');
  });
});

describe('addActionItem', () => {
  const add = (retrospectiveId: string, actionItemId = randomUUID()): AddActionItem => ({
    type: 'AddActionItem',
    retrospectiveId,
    actionItemId,
    ownerTeam: 'MARKETING',
    description: 'Publish a pricing FAQ',
    dueDate: '2026-04-01',
  });

  it.each([marketing, sales, revops])('lets $actor.team add an item', (context) => {
    const { id, history } = lostRetrospective();
    const command = add(id);
    spec
      .given(history)
      .when(command, context)
      .then([
        {
          type: 'ActionItemAdded',
          data: {
            retrospectiveId: id,
            actionItemId: command.actionItemId,
            ownerTeam: 'MARKETING',
            description: 'Publish a pricing FAQ',
            dueDate: '2026-04-01',
            addedBy: context.actor.id,
            addedAt: at,
          },
        },
      ]);
  });

  it('adds an item to a concluded retrospective too', () => {
    const { id, history } = lostRetrospective((r) => filed(r, 'MARKETING'), (r) => filed(r, 'SALES'), concluded);
    const command = add(id);
    spec.given(history).when(command, sales).then([itemAdded(id, command.actionItemId, 'sales-1', at)]);
  });

  it('answers the same item id with the same content with no new event, and other content as a conflict', () => {
    const itemId = randomUUID();
    const { id, history } = lostRetrospective((r) => itemAdded(r, itemId));
    spec.given(history).when(add(id, itemId), sales).then([]);
    spec.given(history).when({ ...add(id, itemId), description: 'Something else' }, sales).thenThrows('CONFLICT');
  });

  it.each<[string, Partial<AddActionItem>]>([
    ['owner team', { ownerTeam: 'SALES' }],
    ['due date', { dueDate: '2026-04-02' }],
    ['due date, none at all', { dueDate: null }],
  ])('refuses the same item id with another %s as a conflict', (_what, overrides) => {
    const itemId = randomUUID();
    const { id, history } = lostRetrospective((r) => itemAdded(r, itemId));
    spec.given(history).when({ ...add(id, itemId), ...overrides }, sales).thenThrows('CONFLICT');
  });

  it('judges a repeated item id against that item, not the retrospective’s first', () => {
    // given two items, the second owned by SALES
    const [firstId, secondId] = [randomUUID(), randomUUID()];
    const { id, history } = lostRetrospective((r) => itemAdded(r, firstId));
    const salesItem: RetrospectiveEvent = {
      type: 'ActionItemAdded',
      data: { ...(itemAdded(id, secondId).data as AddedData), ownerTeam: 'SALES' },
    };

    spec.given([...history, salesItem]).when({ ...add(id, secondId), ownerTeam: 'SALES' }, marketing).then([]);
    spec.given([...history, salesItem]).when(add(id, secondId), marketing).thenThrows('CONFLICT');
  });

  it('refuses a retrospective that does not exist', () => {
    spec.given([]).when(add(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it('forbids EXECUTIVE', () => {
    const { id, history } = lostRetrospective();
    spec.given(history).when(add(id), executive).thenThrows('FORBIDDEN');
  });
});

describe('completeActionItem', () => {
  it.each([marketing, sales, revops])('lets $actor.team complete an item, on a concluded retrospective too', (context) => {
    const itemId = randomUUID();
    const { id, history } = lostRetrospective(
      (r) => itemAdded(r, itemId),
      (r) => filed(r, 'MARKETING'),
      (r) => filed(r, 'SALES'),
      concluded,
    );
    spec
      .given(history)
      .when({ type: 'CompleteActionItem', retrospectiveId: id, actionItemId: itemId }, context)
      .then([
        { type: 'ActionItemCompleted', data: { retrospectiveId: id, actionItemId: itemId, completedBy: context.actor.id, completedAt: at } },
      ]);
  });

  it('completes one item and leaves the others open', () => {
    // given two items, the first completed
    const [firstId, secondId] = [randomUUID(), randomUUID()];
    const { id, history } = lostRetrospective(
      (r) => itemAdded(r, firstId),
      (r) => itemAdded(r, secondId),
      (r) => ({ type: 'ActionItemCompleted', data: { retrospectiveId: r, actionItemId: firstId, completedBy: 'sales-1', completedAt: earlier } }),
    );

    spec
      .given(history)
      .when({ type: 'CompleteActionItem', retrospectiveId: id, actionItemId: secondId }, marketing)
      .then([{ type: 'ActionItemCompleted', data: { retrospectiveId: id, actionItemId: secondId, completedBy: 'marketing-1', completedAt: at } }]);
  });

  it('refuses to complete an item twice', () => {
    const itemId = randomUUID();
    const { id, history } = lostRetrospective(
      (r) => itemAdded(r, itemId),
      (r) => ({ type: 'ActionItemCompleted', data: { retrospectiveId: r, actionItemId: itemId, completedBy: 'sales-1', completedAt: earlier } }),
    );
    const error = spec.given(history).when({ type: 'CompleteActionItem', retrospectiveId: id, actionItemId: itemId }, sales).thenThrows('CONFLICT');
    expect(error.message).toContain(earlier);
  });

  it('refuses an item the retrospective does not have, naming actionItemId', () => {
    const { id, history } = lostRetrospective((r) => itemAdded(r, randomUUID()));
    spec
      .given(history)
      .when({ type: 'CompleteActionItem', retrospectiveId: id, actionItemId: randomUUID() }, sales)
      .thenThrows('INVALID_INPUT', 'actionItemId');
  });

  it('refuses a retrospective that does not exist', () => {
    spec.given([]).when({ type: 'CompleteActionItem', retrospectiveId: randomUUID(), actionItemId: randomUUID() }, sales).thenThrows('NOT_FOUND');
  });

  it('forbids EXECUTIVE', () => {
    const itemId = randomUUID();
    const { id, history } = lostRetrospective((r) => itemAdded(r, itemId));
    spec.given(history).when({ type: 'CompleteActionItem', retrospectiveId: id, actionItemId: itemId }, executive).thenThrows('FORBIDDEN');
  });
});

describe('concludeRetrospective', () => {
  const concludeOn = (retrospectiveId: string, agreedReasonCodes = ['PRICE_TOO_HIGH']): ConcludeRetrospective => ({
    type: 'ConcludeRetrospective',
    retrospectiveId,
    agreedReasonCodes,
    summary: 'Priced out by a cheaper rival',
    reasons: catalog,
  });
  const bothFiled = () => lostRetrospective((r) => filed(r, 'MARKETING'), (r) => filed(r, 'SALES', ['BAD_TIMING']));

  it.each([marketing, sales, revops])('lets $actor.team conclude once both teams filed', (context) => {
    const { id, history } = bothFiled();
    spec
      .given(history)
      .when(concludeOn(id, ['PRICE_TOO_HIGH', 'BAD_TIMING']), context)
      .then([
        {
          type: 'RetrospectiveConcluded',
          data: {
            retrospectiveId: id,
            agreedReasonCodes: ['PRICE_TOO_HIGH', 'BAD_TIMING'],
            summary: 'Priced out by a cheaper rival',
            concludedBy: context.actor.id,
            concludedAt: at,
          },
        },
      ]);
  });

  it.each([
    ['nobody', lostRetrospective()],
    ['only MARKETING', lostRetrospective((r) => filed(r, 'MARKETING'))],
    ['only SALES', lostRetrospective((r) => filed(r, 'SALES'))],
  ])('refuses to conclude when %s filed', (_who, { id, history }) => {
    spec.given(history).when(concludeOn(id), revops).thenThrows('CONFLICT');
  });

  it('refuses to conclude twice: it is closed for good', () => {
    const { id, history } = lostRetrospective((r) => filed(r, 'MARKETING'), (r) => filed(r, 'SALES'), concluded);
    spec.given(history).when(concludeOn(id), revops).thenThrows('CONFLICT');
  });

  it.each([
    ['an unknown reason', ['NOT_IN_CATALOG']],
    ['a retired reason', ['OLD_LOSS']],
    ['a reason of the wrong kind', ['PRICE_TOO_HIGH', 'BEST_VALUE']],
  ])('refuses %s on agreedReasonCodes', (_what, codes) => {
    const { id, history } = bothFiled();
    spec.given(history).when(concludeOn(id, codes), sales).thenThrows('INVALID_INPUT', 'agreedReasonCodes');
  });

  it('refuses a retrospective that does not exist', () => {
    spec.given([]).when(concludeOn(randomUUID()), sales).thenThrows('NOT_FOUND');
  });

  it('forbids EXECUTIVE', () => {
    const { id, history } = bothFiled();
    spec.given(history).when(concludeOn(id), executive).thenThrows('FORBIDDEN');
  });
});
