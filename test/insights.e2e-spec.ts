import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { errorCode, gql } from './support/graphql-client.js';
import { useTestService } from './support/test-service.js';

const SCOREBOARD = `query ($from: Date!, $to: Date!, $model: AttributionModel) { scoreboard(from: $from, to: $to, model: $model) {
  from to model wonRevenue wonDeals credit { team creditedRevenue creditedWins sourcedRevenue influencedRevenue } } }`;
const REASON_INSIGHTS = `query ($kind: ReasonKind!, $from: Date!, $to: Date!, $segment: String, $minOccurrences: Int) {
  reasonInsights(kind: $kind, from: $from, to: $to, segment: $segment, minOccurrences: $minOccurrences) {
    kind from to segment deals revenue
    reasons { reason { code label kind } deals share revenue previousDeals trend recurring citedBy { team perspectives } agreement competitors { competitor deals } lastSeenAt }
    recurring { reason { code } } } }`;
const OPEN = `mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }`;
const LOSE = `mutation ($input: LoseDealInput!) { loseDeal(input: $input) { id status } }`;

const HOUR = 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('scoreboard and reasonInsights over GraphQL', () => {
  const service = useTestService();

  const succeed = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await gql(service.app.url, query, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it('answers an empty window with zero rows for both teams, SHARED by default', async () => {
    const data = await succeed(SCOREBOARD, { from: '1999-01-01', to: '1999-12-31' }, service.tokens.executive);

    expect(data['scoreboard']).toEqual({
      from: '1999-01-01',
      to: '1999-12-31',
      model: 'SHARED',
      wonRevenue: '0.00',
      wonDeals: 0,
      credit: [
        { team: 'MARKETING', creditedRevenue: '0.00', creditedWins: 0, sourcedRevenue: '0.00', influencedRevenue: '0.00' },
        { team: 'SALES', creditedRevenue: '0.00', creditedWins: 0, sourcedRevenue: '0.00', influencedRevenue: '0.00' },
      ],
    });
  });

  it.each([
    ['scoreboard', 'to', SCOREBOARD, { from: '2026-03-02', to: '2026-03-01' }],
    ['scoreboard', 'from', SCOREBOARD, { from: '2026-02-30', to: '2026-03-01' }],
    ['reasonInsights', 'to', REASON_INSIGHTS, { kind: 'LOSS', from: '2026-03-02', to: '2026-03-01' }],
    ['reasonInsights', 'minOccurrences', REASON_INSIGHTS, { kind: 'LOSS', from: '2026-03-01', to: '2026-03-31', minOccurrences: 0 }],
    ['reasonInsights', 'kind', REASON_INSIGHTS, { kind: 'REJECTION', from: '2026-03-01', to: '2026-03-31' }],
  ])('%s refuses a bad %s as BAD_USER_INPUT naming it', async (_name, field, query, variables) => {
    const response = await gql(service.app.url, query, variables, service.tokens.marketing);

    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an anonymous caller', async () => {
    const response = await gql(service.app.url, SCOREBOARD, { from: '2026-01-01', to: '2026-01-31' });

    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('reports the losses of a segment with each reason resolved from the catalog', async () => {
    // given two deals of a segment of their own, both lost an hour ago to the same reason
    const segment = `seg-${randomUUID()}`;
    const closedAt = Date.now() - HOUR;
    const today = iso(closedAt).slice(0, 10);
    for (const [amount, competitor] of [
      ['1000.00', 'Acme'],
      ['500.50', null],
    ] as const) {
      const id = randomUUID();
      await succeed(
        OPEN,
        { input: { id, title: 't', account: 'a', owner: 'o', segment, source: 'SALES', amount, openedAt: iso(closedAt - HOUR) } },
        service.tokens.sales,
      );
      await succeed(LOSE, { input: { dealId: id, reasonCode: 'PRICE_TOO_HIGH', closedAt: iso(closedAt), ...(competitor ? { competitor } : {}) } }, service.tokens.sales);
    }

    // when
    const data = await succeed(REASON_INSIGHTS, { kind: 'LOSS', from: today, to: today, segment }, service.tokens.marketing);

    // then
    expect(data['reasonInsights']).toEqual({
      kind: 'LOSS',
      from: today,
      to: today,
      segment,
      deals: 2,
      revenue: '1500.50',
      reasons: [
        {
          reason: { code: 'PRICE_TOO_HIGH', label: expect.any(String), kind: 'LOSS' },
          deals: 2,
          share: 1,
          revenue: '1500.50',
          previousDeals: 0,
          trend: 'NEW',
          recurring: true,
          citedBy: [
            { team: 'MARKETING', perspectives: 0 },
            { team: 'SALES', perspectives: 0 },
          ],
          agreement: null,
          competitors: [{ competitor: 'Acme', deals: 1 }],
          lastSeenAt: iso(closedAt),
        },
      ],
      recurring: [{ reason: { code: 'PRICE_TOO_HIGH' } }],
    });
  });
});
