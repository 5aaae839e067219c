import { creditTeams, type AttributionModel, type TeamCreditFigures, type WonDeal } from './attribution.js';
import { dateInWindow, instantInWindow, windowLengthMs, windowStart, type DateWindow } from './date-window.js';
import { ratio } from './ratio.js';

export interface LostDeal {
  readonly closedAt: number;
}

export interface OpenDeal {
  readonly amountMinor: bigint;
  /** YYYY-MM-DD, or null when the deal has none. */
  readonly expectedCloseDate: string | null;
}

/**
 * The facts progress is computed from, as known at `asOf`: the goal's period and the target in
 * force then, and the in-scope deals by the status of their latest closure known then (a
 * reopened deal is open). Won and lost deals outside the period may be passed; they are left out.
 * Instants are epoch milliseconds, money integer minor units.
 */
export interface GoalProgressInput {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly targetMinor: bigint;
  readonly asOf: number;
  readonly model: AttributionModel;
  readonly won: readonly WonDeal[];
  readonly lost: readonly LostDeal[];
  readonly open: readonly OpenDeal[];
}

/**
 * The same facts summed over the in-scope deals: what a read model that keeps each won deal's
 * credit can hand over without the deals themselves. Only deals inside the period count.
 */
export interface GoalProgressTotals {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly targetMinor: bigint;
  readonly asOf: number;
  readonly model: AttributionModel;
  readonly wonRevenueMinor: bigint;
  readonly wonDeals: number;
  readonly lostDeals: number;
  readonly openPipelineMinor: bigint;
  /** Under the model, MARKETING first. */
  readonly credit: readonly TeamCreditFigures[];
}

export interface GoalProgressFigures {
  readonly asOf: number;
  readonly model: AttributionModel;
  readonly targetMinor: bigint;
  readonly wonRevenueMinor: bigint;
  readonly wonDeals: number;
  readonly lostDeals: number;
  readonly attainment: number;
  readonly expectedAttainment: number;
  readonly onPace: boolean;
  readonly remainingMinor: bigint;
  readonly openPipelineMinor: bigint;
  readonly pipelineCoverage: number | null;
  readonly winRate: number | null;
  readonly requiredCoverage: number | null;
  /** MARKETING first. */
  readonly credit: readonly TeamCreditFigures[];
}

/**
 * The period runs from periodStart 00:00:00.000Z through periodEnd 23:59:59.999Z, both ends
 * included for closedAt. Its length is whole days (last millisecond − first + 1), so
 * expectedAttainment reaches 1 at the first millisecond after the period and is 0.5 at noon of a
 * one-day period.
 */
export function goalProgress(input: GoalProgressInput): GoalProgressFigures {
  const period: DateWindow = { from: input.periodStart, to: input.periodEnd };
  const won = input.won.filter((deal) => instantInWindow(deal.closedAt, period));
  return goalProgressOf({
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    targetMinor: input.targetMinor,
    asOf: input.asOf,
    model: input.model,
    wonRevenueMinor: sum(won.map((deal) => deal.amountMinor)),
    wonDeals: won.length,
    lostDeals: input.lost.filter((deal) => instantInWindow(deal.closedAt, period)).length,
    openPipelineMinor: sum(
      input.open
        .filter((deal) => deal.expectedCloseDate !== null && dateInWindow(deal.expectedCloseDate, period))
        .map((deal) => deal.amountMinor),
    ),
    credit: creditTeams(won, input.model),
  });
}

/** Progress from the in-scope totals: the ratios, the pace and what remains. */
export function goalProgressOf(totals: GoalProgressTotals): GoalProgressFigures {
  if (totals.targetMinor <= 0n) throw new RangeError('goalProgress: the target must be greater than 0');
  const period: DateWindow = { from: totals.periodStart, to: totals.periodEnd };
  const { wonRevenueMinor, wonDeals, lostDeals, openPipelineMinor } = totals;
  const remainingMinor = totals.targetMinor > wonRevenueMinor ? totals.targetMinor - wonRevenueMinor : 0n;

  const attainment = ratio(wonRevenueMinor, totals.targetMinor);
  const elapsed = Math.min(Math.max(totals.asOf - windowStart(period), 0), windowLengthMs(period));
  const expectedAttainment = elapsed / windowLengthMs(period);
  const closed = wonDeals + lostDeals;
  const winRate = closed === 0 ? null : wonDeals / closed;

  return {
    asOf: totals.asOf,
    model: totals.model,
    targetMinor: totals.targetMinor,
    wonRevenueMinor,
    wonDeals,
    lostDeals,
    attainment,
    expectedAttainment,
    // Both sides are correctly rounded quotients, and rounding is monotone: comparing the
    // reported numbers never says "behind" when the exact ratios are on pace.
    onPace: attainment >= expectedAttainment,
    remainingMinor,
    openPipelineMinor,
    pipelineCoverage: remainingMinor === 0n ? null : ratio(openPipelineMinor, remainingMinor),
    winRate,
    // closed / won rather than 1 / winRate: the same number without a second rounding.
    requiredCoverage: wonDeals === 0 ? null : closed / wonDeals,
    credit: totals.credit,
  };
}

function sum(amounts: readonly bigint[]): bigint {
  return amounts.reduce((total, amount) => total + amount, 0n);
}
