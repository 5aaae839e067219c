import { Inject, Injectable } from '@nestjs/common';
import { formatAmount, toIso, type Currency } from '#shared';
import { CURRENCY } from '#shared/application';
import { goalProgressOf, type AttributionModel } from '../../domain/index.js';
import { DealFactsReader } from '../deal-facts/deal-facts.reader.js';
import { teamCreditView, type TeamCreditView } from '../team-credit.model.js';

/** What a goal's progress is computed from: the goal as it stood at asOf. */
export interface GoalScope {
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The target in force at asOf, in minor units. */
  readonly targetMinor: bigint;
  readonly segment: string | null;
}

/** The GraphQL GoalProgress, with Decimal fields as exact strings. */
export interface GoalProgressView {
  readonly asOf: string;
  readonly model: AttributionModel;
  readonly target: string;
  readonly wonRevenue: string;
  readonly wonDeals: number;
  readonly lostDeals: number;
  readonly attainment: number;
  readonly expectedAttainment: number;
  readonly onPace: boolean;
  readonly remaining: string;
  readonly openPipeline: string;
  readonly pipelineCoverage: number | null;
  readonly winRate: number | null;
  readonly requiredCoverage: number | null;
  readonly credit: readonly TeamCreditView[];
}

/** A goal's progress as of any moment, from the bitemporal deal facts; the figures come from the pure domain. */
@Injectable()
export class GoalProgressReader {
  constructor(
    private readonly facts: DealFactsReader,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  /** Bitemporal: only deal events recorded at or before asOfMs count (PRODUCT §4). */
  goalProgress(goal: GoalScope, asOfMs: number, model: AttributionModel): GoalProgressView {
    const totals = this.facts.totals({
      window: { from: goal.periodStart, to: goal.periodEnd },
      segment: goal.segment,
      asOf: asOfMs,
      model,
    });
    const figures = goalProgressOf({
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      targetMinor: goal.targetMinor,
      asOf: asOfMs,
      model,
      ...totals,
    });
    const money = (minor: bigint): string => formatAmount(minor, this.currency);
    return {
      asOf: toIso(figures.asOf),
      model: figures.model,
      target: money(figures.targetMinor),
      wonRevenue: money(figures.wonRevenueMinor),
      wonDeals: figures.wonDeals,
      lostDeals: figures.lostDeals,
      attainment: figures.attainment,
      expectedAttainment: figures.expectedAttainment,
      onPace: figures.onPace,
      remaining: money(figures.remainingMinor),
      openPipeline: money(figures.openPipelineMinor),
      pipelineCoverage: figures.pipelineCoverage,
      winRate: figures.winRate,
      requiredCoverage: figures.requiredCoverage,
      credit: figures.credit.map((row) => teamCreditView(row, this.currency)),
    };
  }
}
