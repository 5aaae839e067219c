import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DAY_MS } from '#shared';
import type { WonDeal } from './attribution.js';
import { goalProgress, type GoalProgressInput } from './goal-progress.js';

// A ten-day period: 2026-04-01 00:00:00.000Z through 2026-04-10 23:59:59.999Z.
const periodStart = '2026-04-01';
const periodEnd = '2026-04-10';
const start = Date.parse('2026-04-01T00:00:00.000Z');
const end = Date.parse('2026-04-10T23:59:59.999Z');
const at = (iso: string): number => Date.parse(iso);

function won(amountMinor: bigint, closedAt: number, overrides: Partial<WonDeal> = {}): WonDeal {
  return { amountMinor, closedAt, source: 'SALES', openedAt: closedAt - 20 * DAY_MS, touches: [], ...overrides };
}

function input(overrides: Partial<GoalProgressInput> = {}): GoalProgressInput {
  return {
    periodStart,
    periodEnd,
    targetMinor: 100_000n,
    asOf: at('2026-04-03T12:00:00.000Z'),
    model: 'SHARED',
    won: [],
    lost: [],
    open: [],
    ...overrides,
  };
}

describe('goalProgress', () => {
  it('computes every figure for a goal a quarter of the way through its period', () => {
    // given a target of 1000.00, two wins and a loss in the period, a win and a loss before it,
    // and open deals expected to close inside, outside and at no date
    const given = input({
      won: [won(20_000n, at('2026-04-02T10:00:00Z')), won(10_000n, start), won(5_000n, start - 1)],
      lost: [{ closedAt: at('2026-04-03T09:00:00Z') }, { closedAt: at('2026-03-15T09:00:00Z') }],
      open: [
        { amountMinor: 50_000n, expectedCloseDate: '2026-04-10' },
        { amountMinor: 25_000n, expectedCloseDate: '2026-04-01' },
        { amountMinor: 30_000n, expectedCloseDate: '2026-04-11' },
        { amountMinor: 10_000n, expectedCloseDate: '2026-03-31' },
        { amountMinor: 10_000n, expectedCloseDate: null },
      ],
    });

    // when
    const progress = goalProgress(given);

    // then: 2.5 of 10 days elapsed; 300.00 of 1000.00 won; 700.00 remains against 750.00 of pipeline
    expect(progress).toEqual({
      asOf: given.asOf,
      model: 'SHARED',
      targetMinor: 100_000n,
      wonRevenueMinor: 30_000n,
      wonDeals: 2,
      lostDeals: 1,
      attainment: 0.3,
      expectedAttainment: 0.25,
      onPace: true,
      remainingMinor: 70_000n,
      openPipelineMinor: 75_000n,
      pipelineCoverage: 75_000 / 70_000,
      winRate: 2 / 3,
      requiredCoverage: 1.5,
      credit: [
        { team: 'MARKETING', creditedRevenueMinor: 30_000n, creditedWins: 2, sourcedRevenueMinor: 0n, influencedRevenueMinor: 0n },
        { team: 'SALES', creditedRevenueMinor: 30_000n, creditedWins: 2, sourcedRevenueMinor: 30_000n, influencedRevenueMinor: 0n },
      ],
    });
  });

  it('counts closures at the first and last millisecond of the period, and none a millisecond outside', () => {
    const progress = goalProgress(
      input({
        asOf: end + DAY_MS,
        won: [won(1n, start), won(2n, end), won(4n, start - 1), won(8n, end + 1)],
        lost: [{ closedAt: start }, { closedAt: end }, { closedAt: start - 1 }, { closedAt: end + 1 }],
      }),
    );

    expect(progress.wonRevenueMinor).toBe(3n);
    expect(progress.wonDeals).toBe(2);
    expect(progress.lostDeals).toBe(2);
  });

  it.each([
    ['a day before the period', 0, start - DAY_MS],
    ['the first millisecond', 0, start],
    ['noon of the first day', 0.05, start + DAY_MS / 2],
    ['the last millisecond', (10 * DAY_MS - 1) / (10 * DAY_MS), end],
    ['the millisecond after the period', 1, end + 1],
    ['a month later', 1, end + 30 * DAY_MS],
  ])('at %s, expects %p of the target', (_description, expected, asOf) => {
    expect(goalProgress(input({ asOf })).expectedAttainment).toBe(expected);
  });

  it('measures a one-day period in whole days: noon is halfway', () => {
    const progress = goalProgress(input({ periodStart: '2026-05-05', periodEnd: '2026-05-05', asOf: at('2026-05-05T12:00:00Z') }));

    expect(progress.expectedAttainment).toBe(0.5);
  });

  it.each([
    ['exactly on pace', 25_000n, true],
    ['one cent behind', 24_999n, false],
    ['ahead', 25_001n, true],
  ])('is on pace when attainment reaches the elapsed share: %s', (_description, amountMinor, onPace) => {
    // given a quarter of the period elapsed (2026-04-03 12:00)
    const progress = goalProgress(input({ won: [won(amountMinor, start + DAY_MS)] }));

    expect(progress.expectedAttainment).toBe(0.25);
    expect(progress.onPace).toBe(onPace);
  });

  it('has nothing remaining and no coverage once the target is passed', () => {
    const progress = goalProgress(
      input({
        won: [won(120_000n, start + DAY_MS)],
        open: [{ amountMinor: 5_000n, expectedCloseDate: '2026-04-05' }],
      }),
    );

    expect(progress.attainment).toBe(1.2);
    expect(progress.remainingMinor).toBe(0n);
    expect(progress.pipelineCoverage).toBeNull();
    expect(progress.openPipelineMinor).toBe(5_000n);
  });

  it('has no win rate and no required coverage when nothing closed', () => {
    const progress = goalProgress(input({ open: [{ amountMinor: 5_000n, expectedCloseDate: '2026-04-05' }] }));

    expect(progress.winRate).toBeNull();
    expect(progress.requiredCoverage).toBeNull();
    expect(progress.pipelineCoverage).toBe(0.05);
    expect(progress.onPace).toBe(false);
  });

  it('has a zero win rate and no required coverage when everything closed was lost', () => {
    const progress = goalProgress(input({ lost: [{ closedAt: start + DAY_MS }] }));

    expect(progress.winRate).toBe(0);
    expect(progress.requiredCoverage).toBeNull();
  });

  it('credits the won deals under the chosen model', () => {
    // given one win sourced by SALES with one MARKETING touch, and one win outside the period
    const closedAt = start + DAY_MS;
    const progress = goalProgress(
      input({
        model: 'LINEAR',
        won: [
          won(10_001n, closedAt, { touches: [{ id: randomUUID(), team: 'MARKETING', occurredAt: closedAt - DAY_MS }] }),
          won(7n, start - 1, { source: 'MARKETING' }),
        ],
      }),
    );

    // then half each; the odd cent goes to MARKETING on the tie
    expect(progress.model).toBe('LINEAR');
    expect(progress.credit).toEqual([
      { team: 'MARKETING', creditedRevenueMinor: 5_001n, creditedWins: 0.5, sourcedRevenueMinor: 0n, influencedRevenueMinor: 10_001n },
      { team: 'SALES', creditedRevenueMinor: 5_000n, creditedWins: 0.5, sourcedRevenueMinor: 10_001n, influencedRevenueMinor: 0n },
    ]);
  });

  it.each([0n, -1n])('refuses a target of %p before dividing by it', (targetMinor) => {
    // a BigInt division by zero is a RangeError too; the refusal must be the deliberate one
    expect(() => goalProgress(input({ targetMinor }))).toThrow('the target must be greater than 0');
  });

  it('keeps money exact beyond 2^53 minor units', () => {
    // given ten wins of the largest amount against a target of 3 × 10^15 minor units
    const progress = goalProgress(
      input({
        targetMinor: 3_000_000_000_000_000n,
        won: Array.from({ length: 10 }, () => won(100_000_000_000_000n, start + DAY_MS)),
      }),
    );

    expect(progress.wonRevenueMinor).toBe(1_000_000_000_000_000n);
    expect(progress.remainingMinor).toBe(2_000_000_000_000_000n);
    expect(progress.attainment).toBe(1 / 3);
  });
});
