import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DAY_MS, type Team } from '#shared';
import { dateWindow } from './date-window.js';
import {
  reasonReport,
  reasonResolver,
  trendOf,
  type ClosedDeal,
  type ReasonInsightFigures,
  type ReasonInsightsInput,
  type ReasonLink,
  type TeamPerspective,
} from './reason-insights.js';

// March 2026 (31 days); the previous window is 2026-01-29 through 2026-02-28.
const window = dateWindow('2026-03-01', '2026-03-31');
const inWindow = Date.parse('2026-03-15T10:00:00.000Z');
const inPreviousWindow = Date.parse('2026-02-15T10:00:00.000Z');

function lost(overrides: Partial<ClosedDeal> = {}): ClosedDeal {
  return {
    dealId: randomUUID(),
    outcome: 'LOST',
    segment: null,
    amountMinor: 1_000n,
    closedAt: inWindow,
    competitor: null,
    lossReason: null,
    perspectives: [],
    agreedReasonCodes: [],
    ...overrides,
  };
}

const citing = (codes: string[], overrides: Partial<ClosedDeal> = {}): ClosedDeal => lost({ agreedReasonCodes: codes, ...overrides });
const perspective = (team: Team, ...reasonCodes: string[]): TeamPerspective => ({ team, reasonCodes });

function report(deals: ClosedDeal[], overrides: Partial<ReasonInsightsInput> = {}) {
  return reasonReport({ kind: 'LOSS', window, deals, reasons: [], ...overrides });
}

function reason(insights: readonly ReasonInsightFigures[], code: string): ReasonInsightFigures {
  const found = insights.find((insight) => insight.code === code);
  if (found === undefined) throw new Error(`no insight for ${code}`);
  return found;
}

describe('reasonReport', () => {
  it('takes as population the deals of the kind closed in the window, both ends included', () => {
    // given lost deals at the window's first and last millisecond, and deals it must leave out
    const deals = [
      lost({ lossReason: 'PRICE_TOO_HIGH', amountMinor: 100n, closedAt: Date.parse('2026-03-01T00:00:00.000Z') }),
      lost({ lossReason: 'PRICE_TOO_HIGH', amountMinor: 200n, closedAt: Date.parse('2026-03-31T23:59:59.999Z') }),
      lost({ lossReason: 'BAD_TIMING', amountMinor: 400n, closedAt: Date.parse('2026-04-01T00:00:00.000Z') }),
      lost({ lossReason: 'NO_DECISION', amountMinor: 800n, closedAt: Date.parse('2026-02-28T23:59:59.999Z') }),
      lost({ outcome: 'WON', lossReason: 'CHAMPION_LEFT', amountMinor: 1_600n }),
    ];

    // when
    const result = report(deals);

    // then
    expect(result).toMatchObject({ kind: 'LOSS', from: '2026-03-01', to: '2026-03-31', segment: null, deals: 2, revenueMinor: 300n });
    expect(result.reasons.map((insight) => insight.code)).toEqual(['PRICE_TOO_HIGH']);
    expect(reason(result.reasons, 'PRICE_TOO_HIGH')).toMatchObject({ deals: 2, share: 1, revenueMinor: 300n, previousDeals: 0, trend: 'NEW' });
  });

  it('keeps to the segment when one is given', () => {
    const deals = [
      lost({ segment: 'Enterprise', lossReason: 'PRICE_TOO_HIGH' }),
      lost({ segment: 'SMB', lossReason: 'BAD_TIMING' }),
      lost({ lossReason: 'NO_DECISION' }),
    ];

    const enterprise = report(deals, { segment: 'Enterprise' });
    const everyone = report(deals);

    expect(enterprise.segment).toBe('Enterprise');
    expect(enterprise.deals).toBe(1);
    expect(enterprise.reasons.map((insight) => insight.code)).toEqual(['PRICE_TOO_HIGH']);
    expect(everyone.deals).toBe(3);
  });

  it('counts a deal once per reason, however many places cite it', () => {
    // given the loss reason, both perspectives and the agreed reasons all naming one reason
    const deal = lost({
      lossReason: 'PRICE_TOO_HIGH',
      amountMinor: 5_000n,
      perspectives: [perspective('MARKETING', 'PRICE_TOO_HIGH'), perspective('SALES', 'PRICE_TOO_HIGH', 'BAD_TIMING')],
      agreedReasonCodes: ['PRICE_TOO_HIGH'],
    });

    const result = report([deal]);

    expect(reason(result.reasons, 'PRICE_TOO_HIGH')).toMatchObject({
      deals: 1,
      revenueMinor: 5_000n,
      citedBy: [
        { team: 'MARKETING', perspectives: 1 },
        { team: 'SALES', perspectives: 1 },
      ],
      agreement: 1,
    });
    expect(reason(result.reasons, 'BAD_TIMING')).toMatchObject({ deals: 1, agreement: 0 });
  });

  it('reads won deals for WIN and ignores loss reasons there', () => {
    const deals = [
      lost({ outcome: 'WON', lossReason: 'PRICE_TOO_HIGH', perspectives: [perspective('SALES', 'BEST_VALUE')] }),
      lost({ lossReason: 'PRICE_TOO_HIGH', agreedReasonCodes: ['PRICE_TOO_HIGH'] }),
    ];

    const result = report(deals, { kind: 'WIN' });

    expect(result.deals).toBe(1);
    expect(result.reasons.map((insight) => insight.code)).toEqual(['BEST_VALUE']);
  });

  it('counts merged reasons under their survivor, through chains', () => {
    // given OLD_PRICE merged into PRICING, merged in turn into PRICE_TOO_HIGH
    const reasons: ReasonLink[] = [
      { code: 'OLD_PRICE', mergedInto: 'PRICING' },
      { code: 'PRICING', mergedInto: 'PRICE_TOO_HIGH' },
      { code: 'PRICE_TOO_HIGH', mergedInto: null },
    ];
    const deals = [
      lost({ lossReason: 'OLD_PRICE' }),
      lost({ perspectives: [perspective('MARKETING', 'PRICING')] }),
      lost({ agreedReasonCodes: ['PRICE_TOO_HIGH'] }),
      // one perspective naming two codes that end in the same survivor cites it once
      lost({ perspectives: [perspective('SALES', 'OLD_PRICE', 'PRICING')] }),
    ];

    // when
    const result = report(deals, { reasons });

    // then
    expect(result.reasons.map((insight) => insight.code)).toEqual(['PRICE_TOO_HIGH']);
    expect(reason(result.reasons, 'PRICE_TOO_HIGH')).toMatchObject({
      deals: 4,
      citedBy: [
        { team: 'MARKETING', perspectives: 1 },
        { team: 'SALES', perspectives: 1 },
      ],
    });
  });

  it('compares each reason with the window before: rising, falling, steady and new', () => {
    // given ten deals in each window; shares now vs before:
    // UP 3/10 vs 2/10, DOWN 1/10 vs 3/10, SAME 2/10 vs 2/10, FRESH 1/10 vs none
    const now = [
      citing(['UP', 'DOWN', 'SAME', 'FRESH']),
      citing(['UP', 'SAME']),
      citing(['UP']),
      ...Array.from({ length: 7 }, () => citing([])),
    ];
    const before = [
      citing(['UP', 'DOWN', 'SAME'], { closedAt: inPreviousWindow }),
      citing(['UP', 'DOWN', 'SAME'], { closedAt: inPreviousWindow }),
      citing(['DOWN'], { closedAt: inPreviousWindow }),
      ...Array.from({ length: 7 }, () => citing([], { closedAt: inPreviousWindow })),
    ];

    // when
    const result = report([...now, ...before]);

    // then
    expect(result.deals).toBe(10);
    const trends = Object.fromEntries(result.reasons.map((insight) => [insight.code, [insight.previousDeals, insight.trend]]));
    expect(trends).toEqual({ UP: [2, 'RISING'], DOWN: [3, 'FALLING'], SAME: [2, 'STEADY'], FRESH: [0, 'NEW'] });
  });

  it('calls every reason NEW when the window before had no deals', () => {
    const result = report([citing(['PRICE_TOO_HIGH']), citing(['PRICE_TOO_HIGH'], { closedAt: inWindow - 60 * DAY_MS })]);

    expect(reason(result.reasons, 'PRICE_TOO_HIGH')).toMatchObject({ previousDeals: 0, trend: 'NEW' });
  });

  it('measures agreement over the citing deals on which both teams filed', () => {
    // given X cited by: both teams; MARKETING only (SALES named Y); MARKETING alone filed; no perspectives
    const deals = [
      lost({ perspectives: [perspective('MARKETING', 'X'), perspective('SALES', 'X')] }),
      lost({ perspectives: [perspective('MARKETING', 'X'), perspective('SALES', 'Y')] }),
      lost({ perspectives: [perspective('MARKETING', 'X')] }),
      lost({ lossReason: 'X', agreedReasonCodes: ['Z'] }),
    ];

    const result = report(deals);

    expect(reason(result.reasons, 'X')).toMatchObject({
      deals: 4,
      agreement: 1 / 2,
      citedBy: [
        { team: 'MARKETING', perspectives: 3 },
        { team: 'SALES', perspectives: 1 },
      ],
    });
    expect(reason(result.reasons, 'Y').agreement).toBe(0);
    expect(reason(result.reasons, 'Z').agreement).toBeNull();
  });

  it('lists competitors by deals, then by name, leaving out deals with none', () => {
    const deals = ['Zeta', 'Beta', 'Acme', null, 'Zeta', 'Beta'].map((competitor) => citing(['X'], { competitor }));

    const result = report(deals);

    expect(reason(result.reasons, 'X').competitors).toEqual([
      { competitor: 'Beta', deals: 2 },
      { competitor: 'Zeta', deals: 2 },
      { competitor: 'Acme', deals: 1 },
    ]);
  });

  it('orders reasons by deals, then revenue, then code, and marks the recurring ones', () => {
    // given C in 3 deals (30); B and D in 2 deals of 300 each; A in 2 deals (100); E in 1 deal (900)
    const deals = [
      ...[10n, 10n, 10n].map((amountMinor) => citing(['C'], { amountMinor })),
      ...[150n, 150n].map((amountMinor) => citing(['B'], { amountMinor })),
      ...[100n, 200n].map((amountMinor) => citing(['D'], { amountMinor })),
      ...[50n, 50n].map((amountMinor) => citing(['A'], { amountMinor })),
      citing(['E'], { amountMinor: 900n }),
    ];

    // when
    const byDefault = report(deals);
    const atThree = report(deals, { minOccurrences: 3 });

    // then
    expect(byDefault.reasons.map((insight) => insight.code)).toEqual(['C', 'B', 'D', 'A', 'E']);
    expect(byDefault.recurring.map((insight) => insight.code)).toEqual(['C', 'B', 'D', 'A']);
    expect(reason(byDefault.reasons, 'E').recurring).toBe(false);
    expect(atThree.recurring.map((insight) => insight.code)).toEqual(['C']);
    expect(byDefault).toMatchObject({ deals: 10, revenueMinor: 1_630n });
  });

  it('ranks by deals, then revenue, then code, whatever order the deals come in', () => {
    // given deals listed so that each reason first appears in the reverse of its rank:
    // E in 1 deal (900), A in 2 (100), D and B in 2 (300 each), C in 3 (30)
    const deals = [
      citing(['E'], { amountMinor: 900n }),
      ...[50n, 50n].map((amountMinor) => citing(['A'], { amountMinor })),
      ...[100n, 200n].map((amountMinor) => citing(['D'], { amountMinor })),
      ...[150n, 150n].map((amountMinor) => citing(['B'], { amountMinor })),
      ...[10n, 10n, 10n].map((amountMinor) => citing(['C'], { amountMinor })),
    ];

    const result = report(deals);

    expect(result.reasons.map((insight) => insight.code)).toEqual(['C', 'B', 'D', 'A', 'E']);
    expect(result.recurring.map((insight) => insight.code)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('ranks more revenue first among reasons of as many deals, in either order', () => {
    for (const order of [
      ['SMALL', 'LARGE'],
      ['LARGE', 'SMALL'],
    ]) {
      const deals = order.map((code) => citing([code], { amountMinor: code === 'LARGE' ? 2_000n : 1_000n }));

      expect(report(deals).reasons.map((insight) => insight.code)).toEqual(['LARGE', 'SMALL']);
    }
  });

  it('gives each reason its share of the population and the latest closure citing it', () => {
    const latest = Date.parse('2026-03-30T08:00:00.000Z');
    const deals = [
      citing(['X'], { closedAt: Date.parse('2026-03-02T08:00:00.000Z') }),
      citing(['X'], { closedAt: latest }),
      citing(['X'], { closedAt: Date.parse('2026-03-10T08:00:00.000Z') }),
      citing(['Y'], { closedAt: Date.parse('2026-03-31T08:00:00.000Z') }),
    ];

    const insight = reason(report(deals).reasons, 'X');

    expect(insight.share).toBe(0.75);
    expect(insight.lastSeenAt).toBe(latest);
  });

  it('reports an empty window as no deals and no reasons', () => {
    expect(report([])).toEqual({
      kind: 'LOSS',
      from: '2026-03-01',
      to: '2026-03-31',
      segment: null,
      deals: 0,
      revenueMinor: 0n,
      reasons: [],
      recurring: [],
    });
  });
});

describe('trendOf', () => {
  it.each([
    // deals, population, previous deals, previous population
    [3, 10, 2, 10, 'RISING'],
    [1, 10, 3, 10, 'FALLING'],
    [2, 10, 2, 10, 'STEADY'],
    // 11/20 − 10/20 is 0.05 exactly (0.050000000000000044 in doubles): not more than 0.05
    [11, 20, 10, 20, 'STEADY'],
    [2, 10, 1, 4, 'STEADY'],
    [11, 20, 10, 21, 'RISING'],
    [1, 10, 1, 4, 'FALLING'],
    [1, 5, 0, 7, 'NEW'],
    [1, 5, 0, 0, 'NEW'],
  ])('%i of %i now, %i of %i before: %s', (deals, population, previousDeals, previousPopulation, trend) => {
    expect(trendOf(deals, population, previousDeals, previousPopulation)).toBe(trend);
  });
});

describe('reasonResolver', () => {
  it('follows merges to the survivor and leaves unmerged codes alone', () => {
    const resolve = reasonResolver([
      { code: 'A', mergedInto: 'B' },
      { code: 'B', mergedInto: 'C' },
      { code: 'C' },
    ]);

    expect(['A', 'B', 'C', 'UNKNOWN'].map(resolve)).toEqual(['C', 'C', 'C', 'UNKNOWN']);
  });

  it('resolves every code on a merge cycle to the smallest code of the cycle instead of looping', () => {
    const resolve = reasonResolver([
      { code: 'LEAD_IN', mergedInto: 'Q' },
      { code: 'Q', mergedInto: 'P' },
      { code: 'P', mergedInto: 'R' },
      { code: 'R', mergedInto: 'Q' },
      { code: 'SELF', mergedInto: 'SELF' },
    ]);

    expect(['R', 'LEAD_IN', 'P', 'Q', 'SELF'].map(resolve)).toEqual(['P', 'P', 'P', 'P', 'SELF']);
  });

  it.each(['A_LEAD_IN', 'P', 'Q', 'R'])(
    'makes the smallest code of the cycle its survivor when first asked about %s, not a code leading into it',
    (first) => {
      // given the cycle Q → P → R → Q, and A_LEAD_IN (smaller than all of them) merged into Q
      const resolve = reasonResolver([
        { code: 'A_LEAD_IN', mergedInto: 'Q' },
        { code: 'Q', mergedInto: 'P' },
        { code: 'P', mergedInto: 'R' },
        { code: 'R', mergedInto: 'Q' },
      ]);

      // when a fresh resolver meets the cycle from this code, then from the others
      const survivor = resolve(first);

      // then
      expect(survivor).toBe('P');
      expect(['A_LEAD_IN', 'P', 'Q', 'R'].map(resolve)).toEqual(['P', 'P', 'P', 'P']);
    },
  );
});
