import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { expectEventually } from './support/expect-eventually.js';
import { collect, errorCode, errorField, firstOutcome, gql, wsClient, type GraphQLResponse } from './support/graphql-client.js';
import { useTestService, type Role, type Row } from './support/test-service.js';

const RETRO = `id outcome status summary openedAt concludedAt version
  deal { id status closures }
  perspectives { team author notes filedAt reasons { code kind } }
  agreedReasons { code kind }
  actionItems { id ownerTeam description dueDate completedAt }`;

const OPEN = `mutation ($input: OpenRetrospectiveInput!) { openRetrospective(input: $input) { ${RETRO} } }`;
const FILE = `mutation ($input: FilePerspectiveInput!) { filePerspective(input: $input) { ${RETRO} } }`;
const ADD_ITEM = `mutation ($input: AddActionItemInput!) { addActionItem(input: $input) { ${RETRO} } }`;
const COMPLETE_ITEM = `mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { ${RETRO} } }`;
const CONCLUDE = `mutation ($input: ConcludeRetrospectiveInput!) { concludeRetrospective(input: $input) { ${RETRO} } }`;
const GET = `query ($id: ID!) { retrospective(id: $id) { ${RETRO} } }`;
const LIST = `query ($status: RetrospectiveStatus, $first: Int, $after: String) {
  retrospectives(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status deal { id } perspectives { reasons { code } } agreedReasons { code } } }
  } }`;
const PENDING = `query ($first: Int) { pendingRetrospectives(first: $first) { id status closedAt closures } }`;
const DEAL_RETRO = `query ($id: ID!) { deal(id: $id) { id closures retrospective { id status outcome } } }`;
const CONCLUDED = `subscription { retrospectiveConcluded { id status summary deal { id } agreedReasons { code } } }`;

const OPEN_DEAL = `mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }`;
const WIN_DEAL = `mutation ($input: WinDealInput!) { winDeal(input: $input) { id status closures } }`;
const LOSE_DEAL = `mutation ($input: LoseDealInput!) { loseDeal(input: $input) { id status closures } }`;
const REOPEN_DEAL = `mutation ($input: ReopenDealInput!) { reopenDeal(input: $input) { id status closures } }`;
const DEFINE_REASON = `mutation ($input: DefineReasonInput!) { defineReason(input: $input) { code } }`;
const RETIRE_REASON = `mutation ($code: ID!) { retireReason(code: $code) { code } }`;


const newId = (): string => randomUUID();
const newCode = (prefix = 'RETRO'): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 24 * 3_600_000;
describe('retrospectives over GraphQL', () => {
  const service = useTestService('sales');
  const { call, succeed } = service;


  /** A deal opened `daysAgo` days ago and closed as asked, `closedDaysAgo` days ago. */
  async function closedDeal(outcome: 'WON' | 'LOST', { daysAgo = 30, closedDaysAgo = 1 } = {}): Promise<string> {
    const id = newId();
    await succeed(OPEN_DEAL, {
      id,
      title: 'Globex renewal',
      account: 'Globex',
      source: 'MARKETING',
      owner: 'Sam Sales',
      amount: '50000.00',
      openedAt: iso(Date.now() - daysAgo * DAY),
    });
    if (outcome === 'WON') await succeed(WIN_DEAL, { dealId: id, closedAt: iso(Date.now() - closedDaysAgo * DAY) });
    else await succeed(LOSE_DEAL, { dealId: id, reasonCode: 'PRICE_TOO_HIGH', closedAt: iso(Date.now() - closedDaysAgo * DAY) });
    return id;
  }

  async function openRetro(outcome: 'WON' | 'LOST' = 'LOST'): Promise<{ dealId: string; id: string }> {
    const dealId = await closedDeal(outcome);
    const retro = await succeed(OPEN, { dealId });
    return { dealId, id: retro['id'] };
  }

  /** An open retrospective of a lost deal that both teams have filed on. */
  async function filedRetro(): Promise<{ dealId: string; id: string }> {
    const retro = await openRetro('LOST');
    await succeed(FILE, { retrospectiveId: retro.id, reasonCodes: ['PRICE_TOO_HIGH'] }, 'marketing');
    await succeed(FILE, { retrospectiveId: retro.id, reasonCodes: ['BAD_TIMING', 'PRICE_TOO_HIGH'] }, 'sales');
    return retro;
  }

  const streamTypes = async (stream: string) => (await service.store.readStream(stream)).map((event) => event.type);

  describe('openRetrospective', () => {
    it('opens an OPEN retrospective of the deal’s latest closure, with its outcome, at version 0', async () => {
      const dealId = await closedDeal('WON');
      const id = newId();
      const retro = await succeed(OPEN, { id, dealId }, 'marketing');
      expect(retro).toMatchObject({
        id,
        outcome: 'WON',
        status: 'OPEN',
        summary: null,
        concludedAt: null,
        version: 0,
        deal: { id: dealId, status: 'WON', closures: 1 },
        perspectives: [],
        agreedReasons: [],
        actionItems: [],
      });
      expect(await streamTypes(`retrospective-${id}`)).toEqual(['RetrospectiveOpened']);
    });

    it('returns the same retrospective for the same id again, writing nothing more', async () => {
      const dealId = await closedDeal('LOST');
      const id = newId();
      const first = await succeed(OPEN, { id, dealId });
      const again = await succeed(OPEN, { id, dealId }, 'revops');
      expect(again).toEqual(first);
      expect(await streamTypes(`retrospective-${id}`)).toEqual(['RetrospectiveOpened']);
    });

    it('answers NOT_FOUND for an unknown deal and CONFLICT for an open one, writing nothing', async () => {
      const id = newId();
      expect(errorCode(await call(OPEN, { id, dealId: newId() }))).toBe('NOT_FOUND');
      const open = newId();
      await succeed(OPEN_DEAL, { id: open, title: 't', account: 'a', source: 'SALES', owner: 'o', amount: '1.00' });
      expect(errorCode(await call(OPEN, { id, dealId: open }))).toBe('CONFLICT');
      expect(await streamTypes(`retrospective-${id}`)).toEqual([]);
    });

    it('answers CONFLICT to a second retrospective for the same closure', async () => {
      const { dealId, id } = await openRetro();
      const second = newId();
      const response = await call(OPEN, { id: second, dealId }, 'marketing');
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors?.[0]?.message).toContain(id);
      expect(await streamTypes(`retrospective-${second}`)).toEqual([]);
    });

    it('refuses a malformed id or dealId with BAD_USER_INPUT naming it', async () => {
      const dealId = await closedDeal('LOST');
      const badId = await call(OPEN, { id: 'not an id', dealId });
      expect([errorCode(badId), errorField(badId)]).toEqual(['BAD_USER_INPUT', 'id']);
      const badDeal = await call(OPEN, { dealId: '' });
      expect([errorCode(badDeal), errorField(badDeal)]).toEqual(['BAD_USER_INPUT', 'dealId']);
    });

    it.each<[Role, string]>([
      ['marketing', 'allowed'],
      ['sales', 'allowed'],
      ['revops', 'allowed'],
      ['executive', 'FORBIDDEN'],
    ])('as %s is %s', async (role, outcome) => {
      const dealId = await closedDeal('LOST');
      expect(errorCode(await call(OPEN, { dealId }, role)) ?? 'allowed').toBe(outcome);
    });

    it('allows a new retrospective after the deal is reopened and closed again, for the new closure', async () => {
      const { dealId, id: first } = await openRetro('LOST');
      await succeed(REOPEN_DEAL, { dealId });
      expect(errorCode(await call(OPEN, { dealId }))).toBe('CONFLICT');
      await succeed(WIN_DEAL, { dealId });
      const second = await succeed(OPEN, { dealId });
      expect(second['id']).not.toBe(first);
      expect(second).toMatchObject({ outcome: 'WON', deal: { closures: 2 } });
      expect(errorCode(await call(OPEN, { dealId }))).toBe('CONFLICT');
      const deal = await gql(service.app.url, DEAL_RETRO, { id: dealId }, service.tokens.executive);
      expect(deal.data?.['deal']).toEqual({ id: dealId, closures: 2, retrospective: { id: second['id'], status: 'OPEN', outcome: 'WON' } });
    });

    it('lets exactly one of a concurrent burst open a retrospective for one closure', async () => {
      const dealId = await closedDeal('LOST');
      const ids = Array.from({ length: 12 }, () => newId());
      const roles: Role[] = ['sales', 'marketing', 'revops'];
      const responses = await Promise.all(ids.map((id, index) => call(OPEN, { id, dealId }, roles[index % roles.length])));
      const winners = responses.filter((response) => response.errors === undefined);
      expect(winners).toHaveLength(1);
      expect(responses.filter((response) => errorCode(response) === 'CONFLICT')).toHaveLength(ids.length - 1);
      const winner = winners[0]!.data?.['openRetrospective'];
      const opened = await Promise.all(ids.map((id) => streamTypes(`retrospective-${id}`)));
      expect(opened.filter((types) => types.length > 0)).toEqual([['RetrospectiveOpened']]);
      const deal = await gql(service.app.url, DEAL_RETRO, { id: dealId }, service.tokens.sales);
      expect(deal.data?.['deal']['retrospective']['id']).toBe(winner['id']);
    });

    it('finishes a claimed closure whose retrospective was never written, and refuses a second one', async () => {
      // A crash between the claim and the retrospective's own stream, made by appending the
      // claim alone, as the first step of an opening would.
      const dealId = await closedDeal('LOST');
      const orphan = newId();
      const [lost] = (await service.store.readStream(`deal-${dealId}`)).filter((event) => event.type === 'DealLost');
      await service.store.appendToStream(
        `retrospective_claim-${dealId}-1`,
        [
          {
            id: newId(),
            type: 'RetrospectiveClosureClaimed',
            data: { retrospectiveId: orphan, dealId, closure: 1, outcome: 'LOST', closedAt: String(lost!.data['closedAt']), openedAt: iso(Date.now()) },
            metadata: { actor: 'sales-user', team: 'SALES', recordedAt: iso(Date.now()), correlationId: newId(), causationId: newId() },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      expect(errorCode(await call(OPEN, { dealId }))).toBe('CONFLICT');
      const finished = await gql(service.app.url, GET, { id: orphan }, service.tokens.sales);
      expect(finished.data?.['retrospective']).toMatchObject({ id: orphan, status: 'OPEN', outcome: 'LOST', deal: { id: dealId } });
      // The one that claimed it, retrying, gets its retrospective.
      expect((await succeed(OPEN, { id: orphan, dealId }))['id']).toBe(orphan);
    });
  });

  describe('filePerspective', () => {
    it('records each team’s perspective for its own team, and filing again replaces it', async () => {
      const { id } = await openRetro('LOST');
      await succeed(FILE, { retrospectiveId: id, reasonCodes: ['PRICE_TOO_HIGH', 'BAD_TIMING'], notes: ' Too pricey. ' }, 'marketing');
      const both = await succeed(FILE, { retrospectiveId: id, reasonCodes: ['BAD_TIMING'] }, 'salesLead');
      expect(both['version']).toBe(2);
      expect(both['perspectives']).toEqual([
        {
          team: 'MARKETING',
          author: 'marketing-user',
          notes: 'Too pricey.',
          filedAt: expect.any(String),
          reasons: [
            { code: 'PRICE_TOO_HIGH', kind: 'LOSS' },
            { code: 'BAD_TIMING', kind: 'LOSS' },
          ],
        },
        { team: 'SALES', author: 'sales-lead-user', notes: null, filedAt: expect.any(String), reasons: [{ code: 'BAD_TIMING', kind: 'LOSS' }] },
      ]);
      const replaced = await succeed(FILE, { retrospectiveId: id, reasonCodes: ['NO_DECISION'] }, 'marketing');
      expect(replaced['perspectives'][0]).toMatchObject({ team: 'MARKETING', notes: null, reasons: [{ code: 'NO_DECISION', kind: 'LOSS' }] });
      expect(replaced['perspectives']).toHaveLength(2);
    });

    it('takes WIN reasons for a won deal', async () => {
      const { id } = await openRetro('WON');
      const retro = await succeed(FILE, { retrospectiveId: id, reasonCodes: ['BEST_VALUE', 'PRODUCT_FIT'] }, 'sales');
      expect(retro['perspectives'][0]['reasons'].map((reason: Row) => reason.code)).toEqual(['BEST_VALUE', 'PRODUCT_FIT']);
    });

    it.each([
      ['a reason of the wrong kind', ['BEST_VALUE'], null],
      ['an unknown reason', ['NOT_A_REASON_AT_ALL'], null],
      ['more than ten reasons', ['PRICE_TOO_HIGH', 'MISSING_FEATURE', 'LOST_TO_COMPETITOR', 'BAD_TIMING', 'NO_DECISION', 'WEAK_FOLLOW_UP', 'POOR_LEAD_FIT', 'UNCLEAR_VALUE', 'CHAMPION_LEFT', 'R_ONE', 'R_TWO'], null],
      ['a duplicate reason', ['BAD_TIMING', 'BAD_TIMING'], null],
      ['no reason', [], null],
      ['notes over 5,000 characters', ['BAD_TIMING'], 'x'.repeat(5001)],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, reasonCodes, notes) => {
      const { id } = await openRetro('LOST');
      const response = await call(FILE, { retrospectiveId: id, reasonCodes, notes }, 'marketing');
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(errorField(response)).toBe(notes === null ? 'reasonCodes' : 'notes');
      expect(await streamTypes(`retrospective-${id}`)).toEqual(['RetrospectiveOpened']);
    });

    it('refuses a retired reason with BAD_USER_INPUT', async () => {
      const code = newCode();
      await succeed(DEFINE_REASON, { code, label: 'Legal stalled', category: 'TIMING', kind: 'LOSS' }, 'revops');
      const { id } = await openRetro('LOST');
      expect(errorCode(await call(FILE, { retrospectiveId: id, reasonCodes: [code] }, 'sales'))).toBeUndefined();
      await gql(service.app.url, RETIRE_REASON, { code }, service.tokens.revops);
      const response = await call(FILE, { retrospectiveId: id, reasonCodes: [code] }, 'marketing');
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', 'reasonCodes']);
    });

    it.each<[Role, string]>([
      ['marketing', 'allowed'],
      ['marketingLead', 'allowed'],
      ['sales', 'allowed'],
      ['revops', 'FORBIDDEN'],
      ['executive', 'FORBIDDEN'],
    ])('as %s is %s', async (role, outcome) => {
      const { id } = await openRetro('LOST');
      const response = await call(FILE, { retrospectiveId: id, reasonCodes: ['BAD_TIMING'] }, role);
      expect(errorCode(response) ?? 'allowed').toBe(outcome);
      if (outcome === 'allowed') {
        // Always for the caller's own team: the input cannot name another.
        const team = role.startsWith('marketing') ? 'MARKETING' : 'SALES';
        expect(response.data?.['filePerspective']['perspectives'].map((perspective: Row) => perspective.team)).toEqual([team]);
      }
    });

    it('answers NOT_FOUND for an unknown retrospective', async () => {
      expect(errorCode(await call(FILE, { retrospectiveId: newId(), reasonCodes: ['BAD_TIMING'] }, 'sales'))).toBe('NOT_FOUND');
    });

    it('answers CONFLICT with both versions to a stale expectedVersion', async () => {
      const { id } = await openRetro('LOST');
      await succeed(FILE, { retrospectiveId: id, reasonCodes: ['BAD_TIMING'] }, 'sales');
      const stale = await call(FILE, { retrospectiveId: id, reasonCodes: ['PRICE_TOO_HIGH'], expectedVersion: 0 }, 'marketing');
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 0, actualVersion: 1 });
      const current = await call(FILE, { retrospectiveId: id, reasonCodes: ['PRICE_TOO_HIGH'], expectedVersion: 1 }, 'marketing');
      expect(current.errors).toBeUndefined();
    });

    it('answers CONFLICT on a concluded retrospective', async () => {
      const { id } = await filedRetro();
      await succeed(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['PRICE_TOO_HIGH'], summary: 'Priced out' }, 'revops');
      expect(errorCode(await call(FILE, { retrospectiveId: id, reasonCodes: ['BAD_TIMING'] }, 'sales'))).toBe('CONFLICT');
    });
  });

  describe('action items', () => {
    it('adds items in order and completes one once; a concluded retrospective still takes them', async () => {
      const { id } = await filedRetro();
      const first = await succeed(ADD_ITEM, { retrospectiveId: id, ownerTeam: 'MARKETING', description: ' Publish a pricing FAQ ', dueDate: '2026-09-01' }, 'marketing');
      expect(first['actionItems']).toEqual([
        { id: expect.any(String), ownerTeam: 'MARKETING', description: 'Publish a pricing FAQ', dueDate: '2026-09-01', completedAt: null },
      ]);
      await succeed(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['PRICE_TOO_HIGH'], summary: 'Priced out' }, 'sales');
      const second = await succeed(ADD_ITEM, { retrospectiveId: id, ownerTeam: 'SALES', description: 'Offer a pilot' }, 'revops');
      expect(second['actionItems'].map((item: Row) => item.description)).toEqual(['Publish a pricing FAQ', 'Offer a pilot']);
      const itemId = first['actionItems'][0]['id'];
      const completed = await succeed(COMPLETE_ITEM, { retrospectiveId: id, actionItemId: itemId }, 'sales');
      expect(completed['actionItems'][0]).toMatchObject({ id: itemId, completedAt: expect.any(String) });
      expect(completed['actionItems'][1]).toMatchObject({ completedAt: null });
      expect(errorCode(await call(COMPLETE_ITEM, { retrospectiveId: id, actionItemId: itemId }, 'sales'))).toBe('CONFLICT');
    });

    it.each([
      ['description', { description: '' }],
      ['description', { description: 'x'.repeat(501) }],
      ['dueDate', { dueDate: '2026-02-30' }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, overrides) => {
      const { id } = await openRetro();
      const response = await call(ADD_ITEM, { retrospectiveId: id, ownerTeam: 'SALES', description: 'Follow up', ...overrides }, 'sales');
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', field]);
    });

    it('refuses an owner team other than MARKETING or SALES as a bad input value', async () => {
      // The contract's Team enum has no REVOPS, so GraphQL refuses the variable before any resolver.
      const { id } = await openRetro();
      const response = await call(ADD_ITEM, { retrospectiveId: id, ownerTeam: 'REVOPS', description: 'Follow up' }, 'sales');
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(await streamTypes(`retrospective-${id}`)).toEqual(['RetrospectiveOpened']);
    });

    it('refuses completing an item the retrospective does not have, naming actionItemId', async () => {
      const { id } = await openRetro();
      const response = await call(COMPLETE_ITEM, { retrospectiveId: id, actionItemId: newId() }, 'sales');
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', 'actionItemId']);
    });

    it('answers FORBIDDEN to EXECUTIVE, NOT_FOUND for an unknown retrospective', async () => {
      const { id } = await openRetro();
      expect(errorCode(await call(ADD_ITEM, { retrospectiveId: id, ownerTeam: 'SALES', description: 'x' }, 'executive'))).toBe('FORBIDDEN');
      expect(errorCode(await call(ADD_ITEM, { retrospectiveId: newId(), ownerTeam: 'SALES', description: 'x' }, 'sales'))).toBe('NOT_FOUND');
      expect(errorCode(await call(COMPLETE_ITEM, { retrospectiveId: id, actionItemId: newId() }, 'executive'))).toBe('FORBIDDEN');
    });
  });

  describe('concludeRetrospective', () => {
    it('concludes with agreed reasons and a summary, closed for good', async () => {
      const { id, dealId } = await filedRetro();
      const concluded = await succeed(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['PRICE_TOO_HIGH', 'BAD_TIMING'], summary: ' Priced out, late. ' }, 'revops');
      expect(concluded).toMatchObject({
        status: 'CONCLUDED',
        summary: 'Priced out, late.',
        concludedAt: expect.any(String),
        version: 3,
        agreedReasons: [
          { code: 'PRICE_TOO_HIGH', kind: 'LOSS' },
          { code: 'BAD_TIMING', kind: 'LOSS' },
        ],
      });
      expect(errorCode(await call(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['BAD_TIMING'], summary: 'Again' }, 'revops'))).toBe('CONFLICT');
      // Reopening the deal leaves it as it is.
      await succeed(REOPEN_DEAL, { dealId });
      expect((await gql(service.app.url, GET, { id }, service.tokens.sales)).data?.['retrospective']).toMatchObject({ status: 'CONCLUDED', version: 3 });
    });

    it('answers CONFLICT before both teams have filed', async () => {
      const { id } = await openRetro();
      await succeed(FILE, { retrospectiveId: id, reasonCodes: ['BAD_TIMING'] }, 'sales');
      expect(errorCode(await call(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['BAD_TIMING'], summary: 'Late' }, 'sales'))).toBe('CONFLICT');
    });

    it.each([
      ['agreedReasonCodes', 'a reason of the wrong kind', { agreedReasonCodes: ['BEST_VALUE'] }],
      ['agreedReasonCodes', 'no reason', { agreedReasonCodes: [] }],
      ['agreedReasonCodes', 'an unknown reason', { agreedReasonCodes: ['NO_SUCH_REASON'] }],
      ['summary', 'an empty summary', { summary: ' ' }],
      ['summary', 'a summary over 5,000 characters', { summary: 'x'.repeat(5001) }],
    ])('refuses %s (%s) with BAD_USER_INPUT naming it', async (field, _what, overrides) => {
      const { id } = await filedRetro();
      const response = await call(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['BAD_TIMING'], summary: 'Late', ...overrides }, 'marketing');
      expect([errorCode(response), errorField(response)]).toEqual(['BAD_USER_INPUT', field]);
    });

    it('answers FORBIDDEN to EXECUTIVE and CONFLICT to a stale expectedVersion', async () => {
      const { id } = await filedRetro();
      expect(errorCode(await call(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['BAD_TIMING'], summary: 'Late' }, 'executive'))).toBe('FORBIDDEN');
      const stale = await call(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['BAD_TIMING'], summary: 'Late', expectedVersion: 1 }, 'sales');
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    });
  });

  describe('queries', () => {
    it('answers null for an unknown retrospective and UNAUTHENTICATED without a token', async () => {
      expect((await gql(service.app.url, GET, { id: newId() }, service.tokens.executive)).data?.['retrospective']).toBeNull();
      expect(errorCode(await gql(service.app.url, GET, { id: newId() }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, LIST, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, PENDING, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(service.app.url, OPEN, { input: { dealId: newId() } }))).toBe('UNAUTHENTICATED');
    });

    it('pages retrospectives by status with cursors and a total count', async () => {
      const opened = [await openRetro(), await openRetro(), await openRetro()].map((retro) => retro.id);
      const all: string[] = [];
      const totals: number[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResponse<Row> = await gql(service.app.url, LIST, { status: 'OPEN', first: 2, after }, service.tokens.executive);
        expect(page.errors).toBeUndefined();
        const connection: Row = page.data?.['retrospectives'];
        totals.push(connection['totalCount']);
        all.push(...connection.edges.map((edge: Row) => edge.node.id));
        for (const edge of connection.edges) expect(edge.node.status).toBe('OPEN');
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(all).toEqual(expect.arrayContaining(opened));
      expect(new Set(all).size).toBe(all.length);
      // Every page counts the whole filtered list, which nothing changed while paging.
      expect(new Set(totals)).toEqual(new Set([all.length]));
      const bad = await gql(service.app.url, LIST, { first: 201 }, service.tokens.sales);
      expect([errorCode(bad), errorField(bad)]).toEqual(['BAD_USER_INPUT', 'first']);
      const foreign = await gql(service.app.url, LIST, { after: 'bm90LWEtY3Vyc29y' }, service.tokens.sales);
      expect([errorCode(foreign), errorField(foreign)]).toEqual(['BAD_USER_INPUT', 'after']);
    });

    it('lists pending deals oldest closure first, and drops one once its retrospective concludes', async () => {
      const older = await closedDeal('LOST', { daysAgo: 4000, closedDaysAgo: 3990 });
      const newer = await closedDeal('WON', { daysAgo: 4000, closedDaysAgo: 3980 });
      const pendingIds = async (): Promise<string[]> => {
        const response = await gql(service.app.url, PENDING, { first: 200 }, service.tokens.executive);
        expect(response.errors).toBeUndefined();
        return response.data?.['pendingRetrospectives'].map((deal: Row) => deal.id);
      };
      const before = await pendingIds();
      expect(before.indexOf(older)).toBeGreaterThanOrEqual(0);
      expect(before.indexOf(older)).toBeLessThan(before.indexOf(newer));
      // An open retrospective keeps it pending; a concluded one removes it.
      const retro = await succeed(OPEN, { dealId: older });
      await succeed(FILE, { retrospectiveId: retro['id'], reasonCodes: ['BAD_TIMING'] }, 'marketing');
      await succeed(FILE, { retrospectiveId: retro['id'], reasonCodes: ['BAD_TIMING'] }, 'sales');
      expect(await pendingIds()).toContain(older);
      await succeed(CONCLUDE, { retrospectiveId: retro['id'], agreedReasonCodes: ['BAD_TIMING'], summary: 'Late' }, 'sales');
      const after = await pendingIds();
      expect(after).not.toContain(older);
      expect(after).toContain(newer);
      // A reopened deal is not pending; closed again, its new closure is.
      await succeed(REOPEN_DEAL, { dealId: newer });
      expect(await pendingIds()).not.toContain(newer);
      await succeed(WIN_DEAL, { dealId: newer });
      expect(await pendingIds()).toContain(newer);
      const first = await gql(service.app.url, PENDING, { first: 1 }, service.tokens.sales);
      expect(first.data?.['pendingRetrospectives']).toHaveLength(1);
    });

    it('shows Deal.retrospective: null before one is opened, then the latest closure’s', async () => {
      const dealId = await closedDeal('LOST');
      expect((await gql(service.app.url, DEAL_RETRO, { id: dealId }, service.tokens.sales)).data?.['deal']['retrospective']).toBeNull();
      const retro = await succeed(OPEN, { dealId });
      const deal = await gql(service.app.url, DEAL_RETRO, { id: dealId }, service.tokens.sales);
      expect(deal.data?.['deal']['retrospective']).toEqual({ id: retro['id'], status: 'OPEN', outcome: 'LOST' });
    });
  });

  describe('retrospectiveConcluded subscription', () => {
    it('delivers each concluded retrospective to an authenticated subscriber', async () => {
      const subscription = collect<{ retrospectiveConcluded: Row }>(wsClient(service.app.url, service.tokens.executive), { query: CONCLUDED });
      try {
        // The subscription is in place once the server has it; until then a conclusion may pass
        // unseen, so fresh retrospectives are concluded until one arrives.
        const concluded: string[] = [];
        const arrived = await expectEventually(
          async () => {
            const { id } = await filedRetro();
            await succeed(CONCLUDE, { retrospectiveId: id, agreedReasonCodes: ['PRICE_TOO_HIGH'], summary: 'Priced out' }, 'sales');
            concluded.push(id);
            const match = subscription.received.map((data) => data.retrospectiveConcluded).find((item) => concluded.includes(item['id']));
            if (!match) throw new Error('no concluded retrospective delivered yet');
            return match;
          },
          { intervalMs: 50 },
        );
        expect(subscription.errors).toEqual([]);
        expect(arrived).toMatchObject({ status: 'CONCLUDED', summary: 'Priced out', deal: { id: expect.any(String) }, agreedReasons: [{ code: 'PRICE_TOO_HIGH' }] });
      } finally {
        await subscription.stop();
      }
    });

    it('refuses the handshake of a subscriber without a token', async () => {
      const client = wsClient(service.app.url);
      try {
        const outcome = await firstOutcome(client, { query: CONCLUDED });
        // The handshake itself is refused (PRODUCT §6): the socket closes with 4401, nothing runs.
        expect(outcome.data ?? null).toBeNull();
        expect((outcome.error as { code?: number } | undefined)?.code).toBe(4401);
      } finally {
        await client.dispose();
      }
    });
  });
});
