import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '#sqlite';
import { READ_MODEL_DATABASE } from '#shared/application';
import { expectEventually } from './support/expect-eventually.js';
import { collect, errorCode, errorField, firstOutcome, gql, wsClient, type GraphQLResponse } from './support/graphql-client.js';
import { useTestService, type Role, type Row } from './support/test-service.js';

const DEAL = `id title account segment source owner stage status amount currency expectedCloseDate openedAt closedAt
  competitor closures version
  lossReason { code label kind retired }
  touches { id team channel campaign occurredAt }
  history { revision type at actor summary }`;

const OPEN = `mutation ($input: OpenDealInput!) { openDeal(input: $input) { ${DEAL} } }`;
const TOUCH = `mutation ($input: RecordTouchInput!) { recordTouch(input: $input) { ${DEAL} } }`;
const MOVE = `mutation ($input: MoveDealStageInput!) { moveDealStage(input: $input) { ${DEAL} } }`;
const REVISE = `mutation ($input: ReviseDealInput!) { reviseDeal(input: $input) { ${DEAL} } }`;
const WIN = `mutation ($input: WinDealInput!) { winDeal(input: $input) { ${DEAL} } }`;
const LOSE = `mutation ($input: LoseDealInput!) { loseDeal(input: $input) { ${DEAL} } }`;
const REOPEN = `mutation ($input: ReopenDealInput!) { reopenDeal(input: $input) { ${DEAL} } }`;
const GET = `query ($id: ID!) { deal(id: $id) { ${DEAL} } }`;
const LIST = `query ($status: DealStatus, $segment: String, $first: Int, $after: String) {
  deals(status: $status, segment: $segment, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status segment touches { id } history { type } lossReason { code } } }
  } }`;
const DEFINE_REASON = `mutation ($input: DefineReasonInput!) { defineReason(input: $input) { code } }`;
const RETIRE_REASON = `mutation ($code: ID!) { retireReason(code: $code) { code } }`;
const MERGE_REASONS = `mutation ($input: MergeReasonsInput!) { mergeReasons(input: $input) { code } }`;
const DEAL_CLOSED = `subscription { dealClosed { id status closures amount touches { id } history { type } } }`;

type Deal = Row;

const newId = (): string => randomUUID();
const newCode = (prefix = 'DEAL'): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('deals over GraphQL', () => {
  const service = useTestService('sales');
  const { call, succeed } = service;

  const dealInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: newId(),
    title: 'Acme platform rollout',
    account: 'Acme',
    segment: 'Enterprise',
    source: 'MARKETING',
    owner: 'Dana Sales',
    amount: '125000.50',
    expectedCloseDate: '2026-12-31',
    openedAt: iso(Date.now() - 30 * DAY),
    ...overrides,
  });

  /** Opens a deal and returns it, failing loudly when the service refuses. */
  async function openDeal(overrides: Record<string, unknown> = {}, role: Role = 'sales'): Promise<Deal> {
    const response = await call(OPEN, dealInput(overrides), role);
    expect(response.errors).toBeUndefined();
    return response.data?.['openDeal'];
  }


  const eventsOf = (dealId: string) => service.typesIn(`deal-${dealId}`);

  describe('openDeal', () => {
    it('opens a deal OPEN at QUALIFICATION with its amount in exact decimals, at version 0', async () => {
      const input = dealInput({ amount: '125000.5' });
      const deal = await succeed(OPEN, input);
      expect(deal).toMatchObject({
        id: input['id'],
        title: 'Acme platform rollout',
        account: 'Acme',
        segment: 'Enterprise',
        source: 'MARKETING',
        owner: 'Dana Sales',
        stage: 'QUALIFICATION',
        status: 'OPEN',
        amount: '125000.50',
        currency: 'USD',
        expectedCloseDate: '2026-12-31',
        openedAt: input['openedAt'],
        closedAt: null,
        lossReason: null,
        competitor: null,
        closures: 0,
        version: 0,
        touches: [],
      });
      expect(deal['history']).toEqual([
        { revision: 0, type: 'DealOpened', at: expect.any(String), actor: 'sales-user', summary: expect.stringContaining('Acme platform rollout') },
      ]);
    });

    it('makes an id and opens now when the client gives neither', async () => {
      const before = Date.now();
      const deal = await openDeal({ id: undefined, openedAt: undefined });
      expect(deal['id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(deal['openedAt'])).toBeGreaterThanOrEqual(before - 1000);
    });

    it('returns the existing deal for the same id and input, and CONFLICT for other input', async () => {
      const input = dealInput();
      const first = await succeed(OPEN, input);
      const again = await succeed(OPEN, input);
      expect(again).toEqual(first);
      expect(await eventsOf(first['id'])).toEqual(['DealOpened']);
      expect(errorCode(await call(OPEN, { ...input, title: 'Another title' }))).toBe('CONFLICT');
    });

    it.each([
      ['title', { title: '   ' }],
      ['account', { account: 'a'.repeat(201) }],
      ['owner', { owner: '' }],
      ['segment', { segment: 's'.repeat(101) }],
      ['amount', { amount: '1.005' }],
      ['amount', { amount: '-3' }],
      ['id', { id: 'not an id' }],
      ['expectedCloseDate', { expectedCloseDate: '2026-02-30' }],
      ['openedAt', { openedAt: iso(Date.now() + HOUR) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it, writing nothing', async (field, overrides) => {
      const input = dealInput(overrides);
      const response = await call(OPEN, input);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(errorField(response)).toBe(field);
      if (field !== 'id') expect(await eventsOf(String(input['id']))).toEqual([]);
    });

    it.each<[Role, string]>([
      ['sales', 'allowed'],
      ['revops', 'allowed'],
      ['marketing', 'FORBIDDEN'],
      ['marketingLead', 'FORBIDDEN'],
      ['executive', 'FORBIDDEN'],
    ])('as %s is %s', async (role, outcome) => {
      const response = await call(OPEN, dealInput(), role);
      expect(errorCode(response) ?? 'allowed').toBe(outcome);
    });

    it('answers UNAUTHENTICATED without a token, for mutations and queries', async () => {
      expect(errorCode(await gql(service.app.url, OPEN, { input: dealInput() }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, GET, { id: newId() }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, LIST, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('recordTouch', () => {
    const touchInput = (dealId: string, overrides: Record<string, unknown> = {}) => ({
      dealId,
      touchId: newId(),
      team: 'MARKETING',
      channel: 'Webinar',
      campaign: 'Spring launch',
      occurredAt: iso(Date.now() - 40 * DAY),
      ...overrides,
    });

    it('records a touch of the caller’s own team, even from before the deal opened', async () => {
      const deal = await openDeal();
      const input = touchInput(deal['id']);
      const touched = await succeed(TOUCH, input, 'marketing');
      expect(touched['touches']).toEqual([
        { id: input.touchId, team: 'MARKETING', channel: 'Webinar', campaign: 'Spring launch', occurredAt: input.occurredAt },
      ]);
      expect(touched['version']).toBe(1);
      expect(touched['history'].map((entry: Deal) => [entry.type, entry.actor])).toEqual([
        ['DealOpened', 'sales-user'],
        ['DealTouchRecorded', 'marketing-user'],
      ]);
    });

    it('treats the same touchId with the same data as a no-op and with other data as CONFLICT', async () => {
      const deal = await openDeal();
      const input = touchInput(deal['id']);
      await succeed(TOUCH, input, 'marketing');
      const again = await succeed(TOUCH, input, 'marketing');
      expect(again['touches']).toHaveLength(1);
      expect(again['version']).toBe(1);
      expect(errorCode(await call(TOUCH, { ...input, channel: 'Email' }, 'marketing'))).toBe('CONFLICT');
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened', 'DealTouchRecorded']);
    });

    it.each<[Role, string, string]>([
      ['marketing', 'MARKETING', 'allowed'],
      ['sales', 'SALES', 'allowed'],
      ['revops', 'MARKETING', 'allowed'],
      ['revops', 'SALES', 'allowed'],
      ['marketing', 'SALES', 'FORBIDDEN'],
      ['sales', 'MARKETING', 'FORBIDDEN'],
      ['executive', 'SALES', 'FORBIDDEN'],
    ])('as %s, a %s touch is %s', async (role, team, outcome) => {
      const deal = await openDeal();
      const response = await call(TOUCH, touchInput(deal['id'], { team }), role);
      expect(errorCode(response) ?? 'allowed').toBe(outcome);
      if (outcome === 'allowed') expect(response.data?.['recordTouch'].touches[0].team).toBe(team);
      else expect(await eventsOf(deal['id'])).toEqual(['DealOpened']);
    });

    it.each([
      ['channel', { channel: '' }],
      ['campaign', { campaign: 'c'.repeat(201) }],
      ['occurredAt', { occurredAt: 'yesterday' }],
      ['occurredAt', { occurredAt: iso(Date.now() + HOUR) }],
      ['team', { team: 'REVOPS' }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, overrides) => {
      const deal = await openDeal();
      const response = await call(TOUCH, touchInput(deal['id'], overrides), 'revops');
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      // A team the contract's enum does not know is refused by GraphQL's own input coercion,
      // before the domain could name the field.
      if (field !== 'team') expect(errorField(response)).toBe(field);
    });

    it('takes a touch on a closed deal only at or before its close', async () => {
      const deal = await openDeal();
      const closedAt = iso(Date.now() - 2 * DAY);
      await succeed(WIN, { dealId: deal['id'], closedAt });
      await succeed(TOUCH, touchInput(deal['id'], { occurredAt: closedAt }), 'marketing');
      const late = await call(TOUCH, touchInput(deal['id'], { occurredAt: iso(Date.now() - DAY) }), 'marketing');
      expect(errorCode(late)).toBe('BAD_USER_INPUT');
      expect(errorField(late)).toBe('occurredAt');
    });

    it('answers NOT_FOUND for a deal that does not exist', async () => {
      expect(errorCode(await call(TOUCH, touchInput(newId()), 'marketing'))).toBe('NOT_FOUND');
    });
  });

  describe('moveDealStage', () => {
    it('moves an open deal to any stage, backwards too, and the same stage is a no-op', async () => {
      const deal = await openDeal();
      expect(await succeed(MOVE, { dealId: deal['id'], stage: 'NEGOTIATION' })).toMatchObject({ stage: 'NEGOTIATION', version: 1 });
      expect(await succeed(MOVE, { dealId: deal['id'], stage: 'DISCOVERY' }, 'revops')).toMatchObject({ stage: 'DISCOVERY', version: 2 });
      expect(await succeed(MOVE, { dealId: deal['id'], stage: 'DISCOVERY' })).toMatchObject({ stage: 'DISCOVERY', version: 2 });
    });

    it('refuses CLOSED as BAD_USER_INPUT on stage', async () => {
      const deal = await openDeal();
      const response = await call(MOVE, { dealId: deal['id'], stage: 'CLOSED' });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(errorField(response)).toBe('stage');
    });

    it.each<Role>(['marketing', 'executive'])('answers FORBIDDEN to %s', async (role) => {
      const deal = await openDeal();
      expect(errorCode(await call(MOVE, { dealId: deal['id'], stage: 'PROPOSAL' }, role))).toBe('FORBIDDEN');
    });

    it('answers CONFLICT with both versions on a stale expectedVersion, and CONFLICT on a closed deal', async () => {
      const deal = await openDeal();
      await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL', expectedVersion: 0 });
      const stale = await call(MOVE, { dealId: deal['id'], stage: 'NEGOTIATION', expectedVersion: 0 });
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(stale.errors?.[0]?.extensions).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
      await succeed(WIN, { dealId: deal['id'] });
      expect(errorCode(await call(MOVE, { dealId: deal['id'], stage: 'DISCOVERY' }))).toBe('CONFLICT');
    });

    it('answers NOT_FOUND for a deal that does not exist', async () => {
      expect(errorCode(await call(MOVE, { dealId: newId(), stage: 'PROPOSAL' }))).toBe('NOT_FOUND');
    });

    it('answers CONFLICT to a move that changes nothing when its expectedVersion is stale, and moves nothing', async () => {
      const deal = await openDeal();
      await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL', expectedVersion: 0 });
      const repeat = await call(MOVE, { dealId: deal['id'], stage: 'PROPOSAL', expectedVersion: 0 });
      expect(repeat.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      expect(await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL', expectedVersion: 1 })).toMatchObject({ stage: 'PROPOSAL', version: 1 });
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened', 'DealStageMoved']);
    });

    it('lets exactly one of twenty concurrent moves pinned to one version through, half of them to the stage it chose', async () => {
      const deal = await openDeal();
      const stages = ['PROPOSAL', 'NEGOTIATION'];
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) => call(MOVE, { dealId: deal['id'], stage: stages[index % 2], expectedVersion: 0 })),
      );
      const winners = responses.filter((response) => response.errors === undefined);
      expect(winners).toHaveLength(1);
      for (const loser of responses.filter((response) => response.errors !== undefined)) {
        expect(loser.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      }
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened', 'DealStageMoved']);
    });
  });

  describe('reviseDeal', () => {
    it('revises the amount, the expected close date, or both', async () => {
      const deal = await openDeal();
      expect(await succeed(REVISE, { dealId: deal['id'], amount: '99.9' })).toMatchObject({ amount: '99.90', expectedCloseDate: '2026-12-31', version: 1 });
      const both = await succeed(REVISE, { dealId: deal['id'], amount: '1000', expectedCloseDate: '2027-01-15', expectedVersion: 1 }, 'revops');
      expect(both).toMatchObject({ amount: '1000.00', expectedCloseDate: '2027-01-15', version: 2 });
      expect(both['history'][1].summary).toContain('99.90');
    });

    it('refuses a revision with neither field, and a bad amount naming it', async () => {
      const deal = await openDeal();
      const neither = await call(REVISE, { dealId: deal['id'] });
      expect(errorCode(neither)).toBe('BAD_USER_INPUT');
      expect(errorField(neither)).toBeUndefined();
      const badAmount = await call(REVISE, { dealId: deal['id'], amount: '1e3' });
      expect(errorCode(badAmount)).toBe('BAD_USER_INPUT');
      expect(errorField(badAmount)).toBe('amount');
      const badDate = await call(REVISE, { dealId: deal['id'], expectedCloseDate: '31/12/2026' });
      expect(errorField(badDate)).toBe('expectedCloseDate');
    });

    it.each<Role>(['marketing', 'executive'])('answers FORBIDDEN to %s', async (role) => {
      const deal = await openDeal();
      expect(errorCode(await call(REVISE, { dealId: deal['id'], amount: '1.00' }, role))).toBe('FORBIDDEN');
    });

    it('answers CONFLICT with versions on a stale expectedVersion', async () => {
      const deal = await openDeal();
      await succeed(REVISE, { dealId: deal['id'], amount: '5.00' });
      const stale = await call(REVISE, { dealId: deal['id'], amount: '6.00', expectedVersion: 0 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
    });
  });

  describe('winDeal', () => {
    it('wins an open deal at its amount, now, and closes it', async () => {
      const deal = await openDeal();
      await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL' });
      const before = Date.now();
      const won = await succeed(WIN, { dealId: deal['id'], expectedVersion: 1 });
      const after = Date.now();
      expect(won).toMatchObject({ status: 'WON', stage: 'CLOSED', amount: '125000.50', closures: 1, version: 2, lossReason: null });
      expect(Date.parse(won['closedAt'])).toBeGreaterThanOrEqual(before);
      expect(Date.parse(won['closedAt'])).toBeLessThanOrEqual(after);
    });

    it('takes a final amount and a past close', async () => {
      const deal = await openDeal();
      const closedAt = iso(Date.now() - DAY);
      expect(await succeed(WIN, { dealId: deal['id'], amount: '200000', closedAt }, 'revops')).toMatchObject({ amount: '200000.00', closedAt });
    });

    it.each([
      ['closedAt before the opening', { closedAt: iso(Date.now() - 60 * DAY) }, 'closedAt'],
      ['closedAt in the future', { closedAt: iso(Date.now() + HOUR) }, 'closedAt'],
      ['a malformed amount', { amount: '12,00' }, 'amount'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, overrides, field) => {
      const deal = await openDeal();
      const response = await call(WIN, { dealId: deal['id'], ...overrides });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(errorField(response)).toBe(field);
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened']);
    });

    it('answers CONFLICT for a deal already won, and FORBIDDEN to marketing and executives', async () => {
      const deal = await openDeal();
      expect(errorCode(await call(WIN, { dealId: deal['id'] }, 'marketing'))).toBe('FORBIDDEN');
      expect(errorCode(await call(WIN, { dealId: deal['id'] }, 'executive'))).toBe('FORBIDDEN');
      await succeed(WIN, { dealId: deal['id'] });
      expect(errorCode(await call(WIN, { dealId: deal['id'] }))).toBe('CONFLICT');
    });

    it('answers CONFLICT with versions on a stale expectedVersion', async () => {
      const deal = await openDeal();
      await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL' });
      const stale = await call(WIN, { dealId: deal['id'], expectedVersion: 0 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
    });

    it('lets exactly one of ten concurrent wins through; the others answer CONFLICT', async () => {
      const deal = await openDeal();
      const responses = await Promise.all(Array.from({ length: 10 }, () => call(WIN, { dealId: deal['id'] }, 'revops')));
      const codes = responses.map(errorCode);
      expect(codes.filter((code) => code === undefined)).toHaveLength(1);
      expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(9);
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened', 'DealWon']);
      const read = await gql(service.app.url, GET, { id: deal['id'] }, service.tokens.sales);
      expect(read.data?.['deal']).toMatchObject({ status: 'WON', closures: 1, version: 1 });
    });

    it('lets exactly one of ten concurrent revisions pinned to the same version through', async () => {
      const deal = await openDeal();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, index) => call(REVISE, { dealId: deal['id'], amount: `${index + 1}.00`, expectedVersion: 0 })),
      );
      const winners = responses.filter((response) => response.errors === undefined);
      expect(winners).toHaveLength(1);
      for (const loser of responses.filter((response) => response.errors !== undefined)) {
        expect(loser.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      }
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened', 'DealRevised']);
      const read = await gql(service.app.url, GET, { id: deal['id'] }, service.tokens.sales);
      expect(read.data?.['deal'].amount).toBe(winners[0]?.data?.['reviseDeal'].amount);
    });
  });

  describe('loseDeal', () => {
    it('loses an open deal with an active LOSS reason and a competitor', async () => {
      const deal = await openDeal();
      const lost = await succeed(LOSE, { dealId: deal['id'], reasonCode: 'LOST_TO_COMPETITOR', competitor: 'Globex', expectedVersion: 0 });
      expect(lost).toMatchObject({
        status: 'LOST',
        stage: 'CLOSED',
        closures: 1,
        competitor: 'Globex',
        lossReason: { code: 'LOST_TO_COMPETITOR', kind: 'LOSS', retired: false },
      });
      expect(lost['history'].at(-1)).toMatchObject({ type: 'DealLost', summary: expect.stringContaining('LOST_TO_COMPETITOR') });
    });

    it('refuses an unknown, a retired, a WIN-kind and a malformed reason as BAD_USER_INPUT on reasonCode', async () => {
      const retired = newCode();
      await call(DEFINE_REASON, { code: retired, label: 'Old reason', category: 'OTHER', kind: 'LOSS' }, 'revops');
      expect(errorCode(await gql(service.app.url, RETIRE_REASON, { code: retired }, service.tokens.revops))).toBeUndefined();
      const deal = await openDeal();
      for (const reasonCode of [newCode(), retired, 'BEST_VALUE', 'price']) {
        const response = await call(LOSE, { dealId: deal['id'], reasonCode });
        expect([reasonCode, errorCode(response), errorField(response)]).toEqual([reasonCode, 'BAD_USER_INPUT', 'reasonCode']);
      }
      expect(await eventsOf(deal['id'])).toEqual(['DealOpened']);
    });

    it('refuses a close before the opening naming closedAt', async () => {
      const deal = await openDeal();
      const response = await call(LOSE, { dealId: deal['id'], reasonCode: 'BAD_TIMING', closedAt: iso(Date.now() - 90 * DAY) });
      expect(errorField(response)).toBe('closedAt');
    });

    it('answers FORBIDDEN to marketing, NOT_FOUND for a missing deal, CONFLICT for a closed one and on a stale version', async () => {
      const deal = await openDeal();
      expect(errorCode(await call(LOSE, { dealId: deal['id'], reasonCode: 'BAD_TIMING' }, 'marketing'))).toBe('FORBIDDEN');
      expect(errorCode(await call(LOSE, { dealId: newId(), reasonCode: 'BAD_TIMING' }))).toBe('NOT_FOUND');
      await succeed(MOVE, { dealId: deal['id'], stage: 'PROPOSAL' });
      const stale = await call(LOSE, { dealId: deal['id'], reasonCode: 'BAD_TIMING', expectedVersion: 0 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      await succeed(LOSE, { dealId: deal['id'], reasonCode: 'BAD_TIMING' }, 'revops');
      expect(errorCode(await call(LOSE, { dealId: deal['id'], reasonCode: 'BAD_TIMING' }))).toBe('CONFLICT');
    });

    it('shows the loss reason under the name it has now, after a merge', async () => {
      const from = newCode();
      const into = newCode();
      await call(DEFINE_REASON, { code: from, label: 'Too pricey', category: 'PRICE', kind: 'LOSS' }, 'revops');
      await call(DEFINE_REASON, { code: into, label: 'Above budget', category: 'PRICE', kind: 'LOSS' }, 'revops');
      const deal = await openDeal();
      expect((await succeed(LOSE, { dealId: deal['id'], reasonCode: from }))['lossReason']).toMatchObject({ code: from, label: 'Too pricey' });
      expect(errorCode(await call(MERGE_REASONS, { from, into }, 'revops'))).toBeUndefined();
      const read = await gql(service.app.url, GET, { id: deal['id'] }, service.tokens.executive);
      expect(read.data?.['deal'].lossReason).toEqual({ code: into, label: 'Above budget', kind: 'LOSS', retired: false });
      // The history keeps what was said at the time.
      expect(read.data?.['deal'].history.at(-1).summary).toContain(from);
    });
  });

  describe('reopenDeal', () => {
    it('reopens a won deal at the stage it had before closing, keeping the closure in history', async () => {
      const deal = await openDeal();
      await succeed(MOVE, { dealId: deal['id'], stage: 'NEGOTIATION' });
      await succeed(WIN, { dealId: deal['id'] });
      const reopened = await succeed(REOPEN, { dealId: deal['id'], note: 'Signature withdrawn', expectedVersion: 2 });
      expect(reopened).toMatchObject({ status: 'OPEN', stage: 'NEGOTIATION', closedAt: null, closures: 1, version: 3 });
      expect(reopened['history'].map((entry: Deal) => entry.type)).toEqual(['DealOpened', 'DealStageMoved', 'DealWon', 'DealReopened']);
      expect(reopened['history'][3].summary).toContain('Signature withdrawn');
      // Once open again it can be closed again: a second closure.
      expect(await succeed(WIN, { dealId: deal['id'] })).toMatchObject({ status: 'WON', closures: 2 });
    });

    it('reopens a lost deal, clearing its loss reason but not the record of the loss', async () => {
      const deal = await openDeal();
      await succeed(LOSE, { dealId: deal['id'], reasonCode: 'NO_DECISION', competitor: 'Initech' });
      const reopened = await succeed(REOPEN, { dealId: deal['id'] }, 'revops');
      expect(reopened).toMatchObject({ status: 'OPEN', stage: 'QUALIFICATION', lossReason: null, competitor: null, closures: 1 });
      expect(reopened['history'].map((entry: Deal) => entry.type)).toEqual(['DealOpened', 'DealLost', 'DealReopened']);
    });

    it('answers CONFLICT for an open deal, BAD_USER_INPUT for a long note, FORBIDDEN to marketing', async () => {
      const deal = await openDeal();
      expect(errorCode(await call(REOPEN, { dealId: deal['id'] }))).toBe('CONFLICT');
      await succeed(WIN, { dealId: deal['id'] });
      const longNote = await call(REOPEN, { dealId: deal['id'], note: 'n'.repeat(1001) });
      expect(errorField(longNote)).toBe('note');
      expect(errorCode(await call(REOPEN, { dealId: deal['id'] }, 'marketing'))).toBe('FORBIDDEN');
      const stale = await call(REOPEN, { dealId: deal['id'], expectedVersion: 0 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
    });
  });

  describe('deal and deals queries', () => {
    it('answers null for a deal that does not exist', async () => {
      const response = await gql(service.app.url, GET, { id: newId() }, service.tokens.marketing);
      expect(response.errors).toBeUndefined();
      expect(response.data?.['deal']).toBeNull();
    });

    it('pages through a segment over more than two pages with opaque cursors and totalCount', async () => {
      const segment = `seg-${newId()}`;
      const base = Date.now() - 20 * DAY;
      const ids: string[] = [];
      for (let index = 0; index < 7; index++) {
        ids.push((await openDeal({ segment, openedAt: iso(base + index * HOUR) }))['id']);
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const response: GraphQLResponse<{ deals: Deal }> = await gql<{ deals: Deal }>(service.app.url, LIST, { segment, first: 3, after }, service.tokens.executive);
        expect(response.errors).toBeUndefined();
        const page = response.data!.deals;
        expect(page['totalCount']).toBe(7);
        seen.push(...page['edges'].map((edge: Deal) => edge['node'].id));
        after = page['pageInfo'].hasNextPage ? page['pageInfo'].endCursor : null;
        pages += 1;
      } while (after !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
    });

    it('filters by status within a segment', async () => {
      const segment = `seg-${newId()}`;
      const open = await openDeal({ segment });
      const won = await openDeal({ segment });
      const lost = await openDeal({ segment });
      await succeed(WIN, { dealId: won['id'] });
      await succeed(LOSE, { dealId: lost['id'], reasonCode: 'PRICE_TOO_HIGH' });
      const list = async (status: string) => {
        const response = await gql(service.app.url, LIST, { segment, status }, service.tokens.marketing);
        return { total: response.data?.['deals'].totalCount, ids: response.data?.['deals'].edges.map((edge: Deal) => edge.node.id) };
      };
      expect(await list('OPEN')).toEqual({ total: 1, ids: [open['id']] });
      expect(await list('WON')).toEqual({ total: 1, ids: [won['id']] });
      const lostPage = await gql(service.app.url, LIST, { segment, status: 'LOST' }, service.tokens.marketing);
      expect(lostPage.data?.['deals'].edges[0].node).toMatchObject({ id: lost['id'], lossReason: { code: 'PRICE_TOO_HIGH' } });
    });

    it('serves a full page of 200 deals with their touches, history and loss reasons', async () => {
      const segment = `seg-${newId()}`;
      const deals = await Promise.all(Array.from({ length: 200 }, () => openDeal({ segment })));
      await Promise.all(deals.slice(0, 20).map((deal) => succeed(LOSE, { dealId: deal['id'], reasonCode: 'CHAMPION_LEFT' })));
      const readModels = service.app.tandem.app.get<SqliteDatabase>(READ_MODEL_DATABASE);
      const prepare = readModels.prepare.bind(readModels);
      let statements = 0;
      readModels.prepare = ((source: string) => {
        statements += 1;
        return prepare(source);
      }) as typeof readModels.prepare;
      let response: GraphQLResponse<{ deals: Deal }>;
      try {
        response = await gql<{ deals: Deal }>(service.app.url, LIST, { segment, first: 200 }, service.tokens.sales);
      } finally {
        readModels.prepare = prepare;
      }
      expect(response.errors).toBeUndefined();
      // The page and its count, then one query each for touches, history and loss reasons.
      expect(statements).toBeLessThanOrEqual(5);
      const page = response.data!.deals;
      expect(page['edges']).toHaveLength(200);
      expect(page['pageInfo'].hasNextPage).toBe(false);
      expect(page['edges'].filter((edge: Deal) => edge.node.lossReason?.code === 'CHAMPION_LEFT')).toHaveLength(20);
      expect(page['edges'].every((edge: Deal) => edge.node.history[0].type === 'DealOpened')).toBe(true);
    });

    it('refuses first outside 1..200 and a foreign cursor, naming the argument', async () => {
      const tooMany = await gql(service.app.url, LIST, { first: 201 }, service.tokens.sales);
      expect([errorCode(tooMany), errorField(tooMany)]).toEqual(['BAD_USER_INPUT', 'first']);
      const none = await gql(service.app.url, LIST, { first: 0 }, service.tokens.sales);
      expect(errorField(none)).toBe('first');
      const foreign = await gql(service.app.url, LIST, { after: 'bm90LWEtY3Vyc29y' }, service.tokens.sales);
      expect([errorCode(foreign), errorField(foreign)]).toEqual(['BAD_USER_INPUT', 'after']);
    });
  });

  describe('dealClosed subscription', () => {
    it('delivers each closed deal to an authenticated subscriber', async () => {
      const subscription = collect<{ dealClosed: Deal }>(wsClient(service.app.url, service.tokens.marketing), { query: DEAL_CLOSED });
      const received = (): Deal[] => subscription.received.map((data) => data.dealClosed);
      try {
        // The subscription is in place once the server has it; until then a win may pass unseen,
        // so a fresh deal is won until one arrives.
        const won: string[] = [];
        const arrived = await expectEventually(
          async () => {
            const deal = await openDeal();
            await succeed(TOUCH, { dealId: deal['id'], team: 'MARKETING', channel: 'Ad', occurredAt: iso(Date.now() - DAY) }, 'marketing');
            await succeed(WIN, { dealId: deal['id'] });
            won.push(deal['id']);
            const match = received().find((item) => won.includes(item['id']));
            if (!match) throw new Error('no closed deal delivered yet');
            return match;
          },
          { intervalMs: 50 },
        );
        expect(subscription.errors).toEqual([]);
        expect(arrived).toMatchObject({ status: 'WON', closures: 1, amount: '125000.50', touches: [expect.any(Object)] });
        expect(arrived['history'].map((entry: Deal) => entry.type)).toEqual(['DealOpened', 'DealTouchRecorded', 'DealWon']);

        // Now subscribed for sure: a loss arrives too, and a later closure of a deal already
        // delivered shows its new history, not the one of its first delivery.
        const lost = await openDeal();
        await succeed(LOSE, { dealId: lost['id'], reasonCode: 'BAD_TIMING' });
        await succeed(REOPEN, { dealId: arrived['id'] });
        await succeed(WIN, { dealId: arrived['id'] });
        await expectEventually(() => {
          expect(received().find((item) => item['id'] === lost['id'])).toMatchObject({ status: 'LOST' });
          const again = received().filter((item) => item['id'] === arrived['id']).at(-1);
          expect(again).toMatchObject({ closures: 2 });
          expect(again?.['history']).toHaveLength(5);
        });
      } finally {
        await subscription.stop();
      }
    });

    it('refuses the handshake of a subscriber without a token', async () => {
      const client = wsClient(service.app.url);
      try {
        const outcome = await firstOutcome(client, { query: DEAL_CLOSED });
        // The handshake itself is refused (PRODUCT §6): the socket closes with 4401, nothing runs.
        expect(outcome.data ?? null).toBeNull();
        expect((outcome.error as { code?: number } | undefined)?.code).toBe(4401);
      } finally {
        await client.dispose();
      }
    });
  });
});
