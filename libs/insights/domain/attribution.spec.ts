import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DAY_MS, type Team } from '#shared';
import {
  ATTRIBUTION_MODELS,
  attributionPath,
  creditTeams,
  creditWonDeal,
  splitByLargestRemainder,
  type AttributionModel,
  type Touch,
  type WonDeal,
} from './attribution.js';

const closedAt = Date.parse('2026-03-31T12:00:00.000Z');
const daysBeforeClose = (days: number): number => closedAt - days * DAY_MS;
const SPLIT_MODELS = ATTRIBUTION_MODELS.filter((model) => model !== 'SHARED');

function touch(team: Team, occurredAt: number, id: string = randomUUID()): Touch {
  return { id, team, occurredAt };
}

function wonDeal(overrides: Partial<WonDeal> = {}): WonDeal {
  return { amountMinor: 10_000n, source: 'SALES', openedAt: daysBeforeClose(30), closedAt, touches: [], ...overrides };
}

/** The revenue and wins each team gets, MARKETING first. */
function credited(deal: WonDeal, model: AttributionModel) {
  const credit = creditWonDeal(deal, model);
  return {
    revenue: [credit.MARKETING.revenueMinor, credit.SALES.revenueMinor],
    wins: [credit.MARKETING.wins, credit.SALES.wins],
  };
}

describe('attributionPath', () => {
  it('orders by time, puts the creation first at equal times, then touches by id', () => {
    // given touches recorded out of order, two of them at the creation instant
    const openedAt = daysBeforeClose(5);
    const deal = wonDeal({
      source: 'SALES',
      openedAt,
      touches: [touch('MARKETING', openedAt, 'tb'), touch('SALES', daysBeforeClose(9), 'early'), touch('MARKETING', openedAt, 'ta')],
    });

    // when
    const path = attributionPath(deal);

    // then
    expect(path.map((element) => (element.kind === 'CREATION' ? 'creation' : element.touchId))).toEqual([
      'early',
      'creation',
      'ta',
      'tb',
    ]);
  });

  it('keeps a touch at the close instant and drops touches after it', () => {
    const deal = wonDeal({
      touches: [touch('MARKETING', closedAt, 'at-close'), touch('MARKETING', closedAt + 1, 'after-close')],
    });

    const ids = attributionPath(deal).map((element) => (element.kind === 'TOUCH' ? element.touchId : 'creation'));

    expect(ids).toEqual(['creation', 'at-close']);
  });
});

describe('creditWonDeal', () => {
  it.each(ATTRIBUTION_MODELS.map((model) => [model]))(
    'credits the whole deal to the source team when the path is the creation alone (%s)',
    (model) => {
      // given a deal sourced by MARKETING with no touches: a single-element path
      const deal = wonDeal({ source: 'MARKETING', amountMinor: 12_345n });

      // when
      const { revenue, wins } = credited(deal, model);

      // then: even U_SHAPED (0.8 raw) and W_SHAPED (0.9 raw) normalise to the whole deal
      expect(revenue).toEqual(model === 'SHARED' ? [12_345n, 12_345n] : [12_345n, 0n]);
      expect(wins).toEqual(model === 'SHARED' ? [1, 1] : [1, 0]);
    },
  );

  it('credits both teams the full amount and one win under SHARED, whatever the path', () => {
    const deal = wonDeal({ amountMinor: 99_999n, touches: [touch('MARKETING', daysBeforeClose(40))] });

    expect(credited(deal, 'SHARED')).toEqual({ revenue: [99_999n, 99_999n], wins: [1, 1] });
  });

  // Path, in order: a M (−14 d), creation S (−7 d), b M (−7 d), d M (−3 d), c S (close); A = 1000.00.
  const fivePath = wonDeal({
    amountMinor: 100_000n,
    source: 'SALES',
    openedAt: daysBeforeClose(7),
    touches: [
      touch('SALES', closedAt, 'c'),
      touch('MARKETING', daysBeforeClose(3), 'd'),
      touch('MARKETING', daysBeforeClose(7), 'b'),
      touch('MARKETING', daysBeforeClose(14), 'a'),
    ],
  });

  it.each<[AttributionModel, string, [bigint, bigint], [number, number]]>([
    ['FIRST_TOUCH', 'all to the first touch (M)', [100_000n, 0n], [1, 0]],
    ['LAST_TOUCH', 'all to the last touch (S)', [0n, 100_000n], [0, 1]],
    ['LINEAR', 'three M elements of five', [60_000n, 40_000n], [0.6, 0.4]],
    // first 0.4 M, last 0.4 S, rest 0.2 / 3 each: creation S, b M, d M → M 8/15, S 7/15.
    // 53 333.33… floors to 53 333 (rest .33), 46 666.66… to 46 666 (rest .67): S takes the cent.
    ['U_SHAPED', '8/15 and 7/15', [53_333n, 46_667n], [8 / 15, 7 / 15]],
    // first 0.3 M, creation 0.3 S, last 0.3 S, rest 0.05 each to b M and d M → M 0.4, S 0.6.
    ['W_SHAPED', '0.4 and 0.6', [40_000n, 60_000n], [0.4, 0.6]],
  ])('splits a five-element path under %s: %s', (model, _description, revenue, wins) => {
    const result = credited(fivePath, model);

    expect(result.revenue).toEqual(revenue);
    expect(result.wins[0]).toBeCloseTo(wins[0], 15);
    expect(result.wins[1]).toBeCloseTo(wins[1], 15);
  });

  it('splits a five-element path under TIME_DECAY by 2^(−d/7)', () => {
    // a 0.25 M, creation 0.5 S, b 0.5 M, d 2^(−3/7) M, c 1 S
    const marketing = 0.25 + 0.5 + 2 ** (-3 / 7);
    const share = marketing / (marketing + 1.5);

    const { revenue, wins } = credited(fivePath, 'TIME_DECAY');

    expect(wins[0]).toBeCloseTo(share, 12);
    expect(wins[1]).toBeCloseTo(1 - share, 12);
    expect(revenue).toEqual([49_883n, 50_117n]);
  });

  it('gives 2/3 to a touch 7 days before the close and 1/3 to a creation 14 days before under TIME_DECAY', () => {
    // given weights 2^−1 = 0.5 for the touch and 2^−2 = 0.25 for the creation
    const deal = wonDeal({
      amountMinor: 10_000n,
      source: 'SALES',
      openedAt: daysBeforeClose(14),
      touches: [touch('MARKETING', daysBeforeClose(7))],
    });

    // when
    const { revenue, wins } = credited(deal, 'TIME_DECAY');

    // then 6666.67 / 3333.33 as quotas; the larger remainder (.67) takes the leftover cent
    expect(revenue).toEqual([6_667n, 3_333n]);
    expect(wins).toEqual([2 / 3, 1 / 3]);
  });

  it('weighs a touch at the close as 1 against a week-old creation under TIME_DECAY', () => {
    const deal = wonDeal({ amountMinor: 300n, source: 'MARKETING', openedAt: daysBeforeClose(7), touches: [touch('SALES', closedAt)] });

    expect(credited(deal, 'TIME_DECAY').revenue).toEqual([100n, 200n]);
  });

  it('still credits a path that starts decades before the close under TIME_DECAY', () => {
    // 2^(−d/7) for 50 years is below the smallest double; the split must not become 0 / 0
    const deal = wonDeal({
      amountMinor: 1_000n,
      source: 'MARKETING',
      openedAt: daysBeforeClose(50 * 365),
    });

    const { revenue, wins } = credited(deal, 'TIME_DECAY');

    expect(revenue).toEqual([1_000n, 0n]);
    expect(wins).toEqual([1, 0]);
  });

  it('refuses a model it does not know rather than crediting nothing', () => {
    const deal = wonDeal({ touches: [touch('MARKETING', daysBeforeClose(3))] });

    expect(() => creditWonDeal(deal, 'HALF_AND_HALF' as AttributionModel)).toThrow('Unknown attribution model HALF_AND_HALF');
  });

  it('refuses a path with an instant that is not a number under TIME_DECAY instead of looping forever', () => {
    // given a corrupt opening instant: its decay weight, and so the team's, is NaN
    const deal = wonDeal({ source: 'MARKETING', openedAt: Number.NaN, touches: [touch('SALES', daysBeforeClose(1))] });

    expect(() => creditWonDeal(deal, 'TIME_DECAY')).toThrow(RangeError);
  });

  describe('a two-element path: no middle, the creation is also the first element', () => {
    // creation M (−10 d), one S touch (−2 d); A = 100.00
    const deal = wonDeal({
      source: 'MARKETING',
      openedAt: daysBeforeClose(10),
      touches: [touch('SALES', daysBeforeClose(2))],
    });

    it.each<[AttributionModel, [bigint, bigint], [number, number]]>([
      ['FIRST_TOUCH', [10_000n, 0n], [1, 0]],
      ['LAST_TOUCH', [0n, 10_000n], [0, 1]],
      ['LINEAR', [5_000n, 5_000n], [0.5, 0.5]],
      // 0.4 + 0.4, the 0.2 for the rest is not handed out
      ['U_SHAPED', [5_000n, 5_000n], [0.5, 0.5]],
      // first + creation on one element: 0.6 M, last 0.3 S, the 0.1 is not handed out
      ['W_SHAPED', [6_667n, 3_333n], [2 / 3, 1 / 3]],
    ])('%s', (model, revenue, wins) => {
      expect(credited(deal, model)).toEqual({ revenue, wins });
    });
  });

  it('sums the weights of an element in several positions (W_SHAPED: creation and last on one element)', () => {
    // given a touch before the creation: the creation is last, so it is creation + last = 0.6
    const deal = wonDeal({ source: 'SALES', openedAt: daysBeforeClose(1), touches: [touch('MARKETING', daysBeforeClose(5))] });

    expect(credited(deal, 'W_SHAPED').revenue).toEqual([3_333n, 6_667n]);
  });

  it('ignores touches after the close in every model', () => {
    // given a late MARKETING touch that would be the last element if it counted
    const deal = wonDeal({
      source: 'SALES',
      touches: [touch('SALES', daysBeforeClose(1)), touch('MARKETING', closedAt + 1)],
    });

    for (const model of SPLIT_MODELS) {
      expect(credited(deal, model).revenue).toEqual([0n, 10_000n]);
    }
  });

  it('breaks a tie in time by putting the creation first, then touch ids', () => {
    // given the creation and two touches at the same instant, recorded in reverse id order
    const at = daysBeforeClose(3);
    const deal = wonDeal({
      source: 'SALES',
      openedAt: at,
      touches: [touch('MARKETING', at, 'id-2'), touch('SALES', at, 'id-1')],
    });

    // then first is the SALES creation and last is MARKETING's id-2
    expect(credited(deal, 'FIRST_TOUCH').revenue).toEqual([0n, 10_000n]);
    expect(credited(deal, 'LAST_TOUCH').revenue).toEqual([10_000n, 0n]);
  });

  it('orders touches at the same millisecond by id whatever order they were recorded in', () => {
    // given three touches at one instant, recorded in id order, in reverse and mixed
    const at = daysBeforeClose(2);
    const [first, middle, last] = [touch('SALES', at, 't1'), touch('MARKETING', at, 't2'), touch('SALES', at, 't3')];

    for (const touches of [
      [first, middle, last],
      [last, middle, first],
      [middle, last, first],
    ]) {
      const deal = wonDeal({ source: 'MARKETING', openedAt: daysBeforeClose(9), touches });

      // then they follow the creation in id order, and t3 (SALES) is the last touch
      expect(attributionPath(deal).map((element) => (element.kind === 'TOUCH' ? element.touchId : 'creation'))).toEqual([
        'creation',
        't1',
        't2',
        't3',
      ]);
      expect(credited(deal, 'LAST_TOUCH').revenue).toEqual([0n, 10_000n]);
    }
  });

  it('orders touch ids at equal times by code units, as the database does ("Z" before "a")', () => {
    // given two touches at the same instant after the creation, ids differing only in case
    const at = daysBeforeClose(2);
    const deal = wonDeal({ source: 'SALES', openedAt: daysBeforeClose(9), touches: [touch('SALES', at, 'a'), touch('MARKETING', at, 'Z')] });

    // then "Z" (0x5A) comes before "a" (0x61): the SALES touch is last
    expect(credited(deal, 'LAST_TOUCH').revenue).toEqual([0n, 10_000n]);
  });

  it.each<[AttributionModel, [bigint, bigint]]>([
    // creation M is first, creation and last at once under W (0.6), the touch at the close is last
    ['FIRST_TOUCH', [10_000n, 0n]],
    ['LAST_TOUCH', [0n, 10_000n]],
    ['U_SHAPED', [5_000n, 5_000n]],
    ['W_SHAPED', [6_667n, 3_333n]],
  ])('keeps the creation first when a touch coincides with it (%s)', (model, revenue) => {
    // given a SALES touch at the very instant the MARKETING-sourced deal was opened
    const deal = wonDeal({ source: 'MARKETING', openedAt: daysBeforeClose(4), touches: [touch('SALES', daysBeforeClose(4))] });

    expect(credited(deal, model).revenue).toEqual(revenue);
  });

  it.each<[string, bigint, Team[], [bigint, bigint]]>([
    ['100.00 split 1/3 to 2/3', 10_000n, ['SALES', 'MARKETING', 'SALES'], [3_333n, 6_667n]],
    ['0.01 split evenly: the tie goes to MARKETING', 1n, ['SALES', 'MARKETING'], [1n, 0n]],
    ['0.03 split evenly: the tie goes to MARKETING', 3n, ['SALES', 'MARKETING'], [2n, 1n]],
    ['0.02 split 1/3 to 2/3', 2n, ['MARKETING', 'SALES', 'SALES'], [1n, 1n]],
    ['0.00', 0n, ['SALES', 'MARKETING'], [0n, 0n]],
    ['the largest amount, 1/3 to 2/3', 100_000_000_000_000n, ['SALES', 'SALES', 'MARKETING'], [33_333_333_333_333n, 66_666_666_666_667n]],
    ['more than 2^53 minor units, 1/3 to 2/3', 2n ** 60n, ['SALES', 'MARKETING', 'SALES'], [384_307_168_202_282_325n, 768_614_336_404_564_651n]],
  ])('rounds by largest remainder under LINEAR: %s', (_description, amountMinor, teams, revenue) => {
    // given a path: the creation by the first team, then one touch per further team
    const [source, ...touchTeams] = teams;
    const deal = wonDeal({
      amountMinor,
      source: source!,
      openedAt: daysBeforeClose(10),
      touches: touchTeams.map((team, index) => touch(team, daysBeforeClose(5 - index))),
    });

    // when
    const result = credited(deal, 'LINEAR').revenue;

    // then
    expect(result).toEqual(revenue);
    expect(result[0]! + result[1]!).toBe(amountMinor);
  });
});

describe('splitByLargestRemainder', () => {
  it.each<[bigint, bigint, bigint, [bigint, bigint]]>([
    [10n, 1n, 1n, [5n, 5n]],
    [7n, 1n, 1n, [4n, 3n]],
    [7n, 1n, 0n, [7n, 0n]],
    [7n, 0n, 5n, [0n, 7n]],
    [5n, 1n, 4n, [1n, 4n]],
    [1n, 2n, 3n, [0n, 1n]],
  ])('splits %p in %p : %p', (amount, marketing, sales, expected) => {
    const split = splitByLargestRemainder(amount, { MARKETING: marketing, SALES: sales });

    expect([split.MARKETING, split.SALES]).toEqual(expected);
  });

  it('refuses weights that add up to nothing', () => {
    expect(() => splitByLargestRemainder(10n, { MARKETING: 0n, SALES: 0n })).toThrow(RangeError);
  });

  it('refuses weights that add up to nothing before dividing by their total', () => {
    // a BigInt division by zero is a RangeError too; the refusal must be the deliberate one
    expect(() => splitByLargestRemainder(10n, { MARKETING: 0n, SALES: 0n })).toThrow('positive total');
  });

  it.each<[string, bigint, bigint]>([
    ['MARKETING', -1n, 3n],
    ['SALES', 5n, -2n],
  ])('refuses a negative weight for %s even when the total is positive', (_team, marketing, sales) => {
    expect(() => splitByLargestRemainder(10n, { MARKETING: marketing, SALES: sales })).toThrow(RangeError);
  });

  it('refuses a negative amount, and splits zero into zeros', () => {
    expect(() => splitByLargestRemainder(-1n, { MARKETING: 1n, SALES: 1n })).toThrow(RangeError);
    expect(splitByLargestRemainder(0n, { MARKETING: 1n, SALES: 1n })).toEqual({ MARKETING: 0n, SALES: 0n });
  });
});

describe('creditTeams', () => {
  // deal 1: 100.00 sourced by MARKETING, one SALES touch, one MARKETING touch after the close
  // deal 2: 50.00 sourced by SALES, a MARKETING and a SALES touch
  const deals = [
    wonDeal({
      amountMinor: 10_000n,
      source: 'MARKETING',
      touches: [touch('SALES', daysBeforeClose(2)), touch('MARKETING', closedAt + DAY_MS)],
    }),
    wonDeal({
      amountMinor: 5_000n,
      source: 'SALES',
      touches: [touch('MARKETING', daysBeforeClose(3)), touch('SALES', daysBeforeClose(1))],
    }),
  ];

  it('credits both teams in full under SHARED, MARKETING first', () => {
    expect(creditTeams(deals, 'SHARED')).toEqual([
      { team: 'MARKETING', creditedRevenueMinor: 15_000n, creditedWins: 2, sourcedRevenueMinor: 10_000n, influencedRevenueMinor: 5_000n },
      { team: 'SALES', creditedRevenueMinor: 15_000n, creditedWins: 2, sourcedRevenueMinor: 5_000n, influencedRevenueMinor: 15_000n },
    ]);
  });

  it('adds up each deal split under LINEAR; sourced and influenced do not depend on the model', () => {
    // deal 1: 1/2 each → 5000 / 5000; deal 2: 1/3 M → 1666.67 → 1667, 2/3 S → 3333
    const [marketing, sales] = creditTeams(deals, 'LINEAR');

    expect(marketing).toMatchObject({ team: 'MARKETING', creditedRevenueMinor: 6_667n, sourcedRevenueMinor: 10_000n, influencedRevenueMinor: 5_000n });
    expect(sales).toMatchObject({ team: 'SALES', creditedRevenueMinor: 8_333n, sourcedRevenueMinor: 5_000n, influencedRevenueMinor: 15_000n });
    expect(marketing!.creditedWins).toBeCloseTo(1 / 2 + 1 / 3, 15);
    expect(sales!.creditedWins).toBeCloseTo(1 / 2 + 2 / 3, 15);
  });

  it('keeps the teams adding up to the won revenue under every split model', () => {
    for (const model of SPLIT_MODELS) {
      const [marketing, sales] = creditTeams(deals, model);
      expect(marketing!.creditedRevenueMinor + sales!.creditedRevenueMinor).toBe(15_000n);
      expect(marketing!.creditedWins + sales!.creditedWins).toBeCloseTo(2, 12);
    }
  });

  it.each<[string, number, bigint]>([
    ['at the closing instant counts', closedAt, 10_000n],
    ['a millisecond before the close counts', closedAt - 1, 10_000n],
    ['a millisecond after the close does not count', closedAt + 1, 0n],
  ])('credits influence for a touch of the team up to the close: one %s', (_when, occurredAt, influenced) => {
    // given a SALES-sourced win whose only MARKETING touch is around the close
    const deal = wonDeal({ amountMinor: 10_000n, source: 'SALES', touches: [touch('MARKETING', occurredAt)] });

    const [marketing, sales] = creditTeams([deal], 'SHARED');

    expect(marketing!.influencedRevenueMinor).toBe(influenced);
    expect(sales!.influencedRevenueMinor).toBe(0n);
  });

  it('gives two zero rows when nothing was won', () => {
    expect(creditTeams([], 'W_SHAPED')).toEqual([
      { team: 'MARKETING', creditedRevenueMinor: 0n, creditedWins: 0, sourcedRevenueMinor: 0n, influencedRevenueMinor: 0n },
      { team: 'SALES', creditedRevenueMinor: 0n, creditedWins: 0, sourcedRevenueMinor: 0n, influencedRevenueMinor: 0n },
    ]);
  });
});
