import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { errorCode, errorField, firstOutcome, gql, wsClient } from './support/graphql-client.js';
import { useTestService, type Role, type Row } from './support/test-service.js';

const GOAL = `id name periodStart periodEnd target currency segment status version
  endorsements { team by at }
  targetHistory { from to reason by at }`;

const PROPOSE = `mutation ($input: ProposeSharedGoalInput!) { proposeSharedGoal(input: $input) { ${GOAL} } }`;
const ENDORSE = `mutation ($input: EndorseSharedGoalInput!) { endorseSharedGoal(input: $input) { ${GOAL} } }`;
const REVISE = `mutation ($input: ReviseGoalTargetInput!) { reviseGoalTarget(input: $input) { ${GOAL} } }`;
const CLOSE = `mutation ($input: CloseSharedGoalInput!) { closeSharedGoal(input: $input) { ${GOAL} } }`;
const GET = `query ($id: ID!) { sharedGoal(id: $id) { ${GOAL} } }`;
const LIST = `query ($status: GoalStatus) { sharedGoals(status: $status) { id status endorsements { team } targetHistory { to } } }`;
const PROGRESS = `query ($id: ID!, $asOf: DateTime, $model: AttributionModel) {
  sharedGoal(id: $id) { id progress(asOf: $asOf, model: $model) { asOf target wonRevenue } } }`;

type Goal = Row;

describe('shared goals over GraphQL', () => {
  const service = useTestService('executive');
  const { call, succeed } = service;

  const goalInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: randomUUID(),
    name: 'Q3 new business',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    target: '500000',
    segment: 'Enterprise',
    ...overrides,
  });


  const propose = (overrides: Record<string, unknown> = {}, role: Role = 'executive') => succeed(PROPOSE, goalInput(overrides), role);
  const eventsOf = (goalId: string) => service.typesIn(`goal-${goalId}`);

  async function activeGoal(): Promise<Goal> {
    const goal = await propose();
    await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
    return succeed(ENDORSE, { goalId: goal['id'] }, 'salesLead');
  }

  describe('proposeSharedGoal', () => {
    it.each(['executive', 'revops'] as const)('lets %s propose a PROPOSED goal whose first target history entry comes from nowhere', async (role) => {
      const input = goalInput({ target: '500000.5' });
      const goal = await succeed(PROPOSE, input, role);
      expect(goal).toEqual({
        id: input['id'],
        name: 'Q3 new business',
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        target: '500000.50',
        currency: 'USD',
        segment: 'Enterprise',
        status: 'PROPOSED',
        version: 0,
        endorsements: [],
        targetHistory: [{ from: null, to: '500000.50', reason: null, by: `${role}-user`, at: expect.any(String) }],
      });
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed']);
    });

    it('makes an id when none is given', async () => {
      const goal = await succeed(PROPOSE, goalInput({ id: null, segment: null }));
      expect(goal['id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(goal['segment']).toBeNull();
    });

    it('answers the same proposal again with the existing goal, and another one under the same id with CONFLICT', async () => {
      const input = goalInput();
      const first = await succeed(PROPOSE, input);
      const again = await succeed(PROPOSE, input);
      expect(again).toEqual(first);
      expect(await eventsOf(String(input['id']))).toEqual(['SharedGoalProposed']);
      expect(errorCode(await call(PROPOSE, { ...input, target: '600000' }))).toBe('CONFLICT');
    });

    it.each([
      ['id', { id: 'not ok' }],
      ['name', { name: '' }],
      ['name', { name: 'x'.repeat(201) }],
      ['periodStart', { periodStart: '2026-02-30' }],
      ['periodEnd', { periodEnd: '2026-06-30' }],
      ['target', { target: '0' }],
      ['target', { target: '-1' }],
      ['target', { target: '1.001' }],
      ['segment', { segment: 'x'.repeat(101) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it, writing nothing', async (field, overrides) => {
      const input = goalInput(overrides);
      const response = await call(PROPOSE, input);
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', field]);
      if (field !== 'id') expect(await eventsOf(String(input['id']))).toEqual([]);
    });

    it.each(['sales', 'salesLead', 'marketing', 'marketingLead'] as const)('forbids %s', async (role) => {
      const input = goalInput();
      expect(errorCode(await call(PROPOSE, input, role))).toBe('FORBIDDEN');
      expect(await eventsOf(String(input['id']))).toEqual([]);
    });

    it('refuses a caller without a token, or with a bad one', async () => {
      expect(errorCode(await gql(service.app.url, PROPOSE, { input: goalInput() }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, PROPOSE, { input: goalInput() }, 'not-a-token'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, GET, { id: randomUUID() }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('endorseSharedGoal', () => {
    it('activates a goal once both team leads have endorsed it', async () => {
      const goal = await propose();
      const one = await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      expect(one).toMatchObject({ status: 'PROPOSED', version: 1, endorsements: [{ team: 'MARKETING', by: 'marketing-lead-user', at: expect.any(String) }] });
      const both = await succeed(ENDORSE, { goalId: goal['id'] }, 'salesLead');
      expect(both).toMatchObject({ status: 'ACTIVE', version: 3 });
      expect(both['endorsements'].map((endorsement: Goal) => endorsement['team'])).toEqual(['MARKETING', 'SALES']);
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed', 'SharedGoalEndorsed', 'SharedGoalEndorsed', 'SharedGoalActivated']);
    });

    it('treats endorsing again as a no-op, at the current version or with none', async () => {
      const goal = await propose();
      const first = await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      expect(await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead')).toEqual(first);
      expect(await succeed(ENDORSE, { goalId: goal['id'], expectedVersion: 1 }, 'marketingLead')).toEqual(first);
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed', 'SharedGoalEndorsed']);
    });

    it('answers CONFLICT to endorsing again with a stale expectedVersion: the version is an If-Match', async () => {
      const goal = await propose();
      await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      const again = await call(ENDORSE, { goalId: goal['id'], expectedVersion: 0 }, 'marketingLead');
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed', 'SharedGoalEndorsed']);
    });

    it('endorses for the caller’s own team only: a marketing lead never signs for sales', async () => {
      // The input names no team: the token's team is the one that endorses.
      const goal = await propose();
      await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      const second = await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      expect(second).toMatchObject({ status: 'PROPOSED', endorsements: [{ team: 'MARKETING' }] });
    });

    it.each(['marketing', 'sales', 'executive', 'revops'] as const)('forbids %s, who is not a MARKETING or SALES lead', async (role) => {
      const goal = await propose();
      expect(errorCode(await call(ENDORSE, { goalId: goal['id'] }, role))).toBe('FORBIDDEN');
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed']);
    });

    it('answers NOT_FOUND for a goal that does not exist and BAD_USER_INPUT for a malformed id', async () => {
      expect(errorCode(await call(ENDORSE, { goalId: randomUUID() }, 'salesLead'))).toBe('NOT_FOUND');
      const malformed = await call(ENDORSE, { goalId: 'a b' }, 'salesLead');
      expect([errorCode(malformed), errorField(malformed)]).toEqual(['BAD_USER_INPUT', 'goalId']);
    });

    it('answers CONFLICT with both versions on a stale expectedVersion', async () => {
      const goal = await propose();
      await succeed(ENDORSE, { goalId: goal['id'], expectedVersion: 0 }, 'marketingLead');
      const stale = await call(ENDORSE, { goalId: goal['id'], expectedVersion: 0 }, 'salesLead');
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(stale.errors?.[0]?.extensions).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed', 'SharedGoalEndorsed']);
    });
  });

  describe('reviseGoalTarget', () => {
    it('returns an ACTIVE goal to PROPOSED with no endorsements and records the revision in targetHistory', async () => {
      const goal = await activeGoal();
      expect(goal['status']).toBe('ACTIVE');
      const revised = await succeed(REVISE, { goalId: goal['id'], target: '650000.25', reason: 'Board raised the bar', expectedVersion: 3 }, 'revops');
      expect(revised).toMatchObject({ status: 'PROPOSED', target: '650000.25', version: 4, endorsements: [] });
      expect(revised['targetHistory']).toEqual([
        { from: null, to: '500000.00', reason: null, by: 'executive-user', at: expect.any(String) },
        { from: '500000.00', to: '650000.25', reason: 'Board raised the bar', by: 'revops-user', at: expect.any(String) },
      ]);
      // Both teams sign the new number again.
      await succeed(ENDORSE, { goalId: goal['id'] }, 'salesLead');
      const reactivated = await succeed(ENDORSE, { goalId: goal['id'] }, 'marketingLead');
      expect(reactivated).toMatchObject({ status: 'ACTIVE', version: 7 });
    });

    it.each([
      ['target', { target: '500000' }],
      ['target', { target: '0' }],
      ['target', { target: 'lots' }],
      ['reason', { reason: '' }],
      ['reason', { reason: 'x'.repeat(501) }],
      ['goalId', { goalId: 'a b' }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, overrides) => {
      const goal = await propose();
      const response = await call(REVISE, { goalId: goal['id'], target: '600000', reason: 'Board', ...overrides });
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', field]);
      expect(await eventsOf(goal['id'])).toEqual(['SharedGoalProposed']);
    });

    it.each(['sales', 'salesLead', 'marketingLead'] as const)('forbids %s', async (role) => {
      const goal = await propose();
      expect(errorCode(await call(REVISE, { goalId: goal['id'], target: '600000', reason: 'Board' }, role))).toBe('FORBIDDEN');
    });

    it('answers CONFLICT with both versions on a stale expectedVersion, NOT_FOUND for a missing goal', async () => {
      const goal = await propose();
      const stale = await call(REVISE, { goalId: goal['id'], target: '600000', reason: 'Board', expectedVersion: 2 });
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(stale.errors?.[0]?.extensions).toMatchObject({ expectedVersion: 2, actualVersion: 0 });
      expect(errorCode(await call(REVISE, { goalId: randomUUID(), target: '600000', reason: 'Board' }))).toBe('NOT_FOUND');
    });
  });

  describe('closeSharedGoal', () => {
    it('closes a goal for good: no revision after it, and closing again changes nothing', async () => {
      const goal = await activeGoal();
      const closed = await succeed(CLOSE, { goalId: goal['id'], expectedVersion: 3 }, 'revops');
      expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
      expect(errorCode(await call(REVISE, { goalId: goal['id'], target: '1', reason: 'Late' }))).toBe('CONFLICT');
      const again = await succeed(CLOSE, { goalId: goal['id'] });
      expect(again).toEqual(closed);
      expect(await eventsOf(goal['id'])).toHaveLength(5);
    });

    it('refuses an endorsement of a closed goal with CONFLICT', async () => {
      const goal = await propose();
      await succeed(CLOSE, { goalId: goal['id'] });
      expect(errorCode(await call(ENDORSE, { goalId: goal['id'] }, 'salesLead'))).toBe('CONFLICT');
    });

    it('forbids the teams, refuses a missing goal and a stale version', async () => {
      const goal = await propose();
      expect(errorCode(await call(CLOSE, { goalId: goal['id'] }, 'salesLead'))).toBe('FORBIDDEN');
      expect(errorCode(await call(CLOSE, { goalId: randomUUID() }))).toBe('NOT_FOUND');
      const stale = await call(CLOSE, { goalId: goal['id'], expectedVersion: 5 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 5, actualVersion: 0 });
    });
  });

  describe('queries', () => {
    it('answers a missing goal with null and lists goals by status', async () => {
      const missing = await gql(service.app.url, GET, { id: randomUUID() }, service.tokens.marketing);
      expect(missing.errors).toBeUndefined();
      expect(missing.data?.['sharedGoal']).toBeNull();

      const proposed = await propose();
      const active = await activeGoal();
      const found = await gql(service.app.url, GET, { id: active['id'] }, service.tokens.sales);
      expect(found.data?.['sharedGoal']).toEqual(active);

      const activeList = await gql(service.app.url, LIST, { status: 'ACTIVE' }, service.tokens.marketing);
      const activeIds = activeList.data?.['sharedGoals'].map((goal: Goal) => goal['id']);
      expect(activeIds).toContain(active['id']);
      expect(activeIds).not.toContain(proposed['id']);
      const all = await gql(service.app.url, LIST, {}, service.tokens.marketing);
      expect(all.data?.['sharedGoals']).toEqual(
        expect.arrayContaining([
          { id: proposed['id'], status: 'PROPOSED', endorsements: [], targetHistory: [{ to: '500000.00' }] },
          { id: active['id'], status: 'ACTIVE', endorsements: [{ team: 'MARKETING' }, { team: 'SALES' }], targetHistory: [{ to: '500000.00' }] },
        ]),
      );
    });

    it('refuses progress as of a moment before the goal was proposed, naming asOf', async () => {
      const goal = await propose();
      const early = await gql(service.app.url, PROGRESS, { id: goal['id'], asOf: '2020-01-01T00:00:00Z' }, service.tokens.marketing);
      expect([errorCode(early), errorField(early)]).toEqual(['BAD_USER_INPUT', 'asOf']);
      const malformed = await gql(service.app.url, PROGRESS, { id: goal['id'], asOf: 'yesterday' }, service.tokens.marketing);
      expect([errorCode(malformed), errorField(malformed)]).toEqual(['BAD_USER_INPUT', 'asOf']);
    });
  });
  describe('goalProgressChanged', () => {
    it('refuses the handshake of a subscriber without a token, as HTTP refuses the request', async () => {
      const client = wsClient(service.app.url);
      try {
        const outcome = await firstOutcome(client, {
          query: `subscription ($goalId: ID!) { goalProgressChanged(goalId: $goalId) { goalId progress { target } } }`,
          variables: { goalId: randomUUID() },
        });
        // The handshake itself is refused (PRODUCT §6): the socket closes with 4401, nothing runs.
        expect(outcome.data ?? null).toBeNull();
        expect((outcome.error as { code?: number } | undefined)?.code).toBe(4401);
      } finally {
        await client.dispose();
      }
    });
  });
});
