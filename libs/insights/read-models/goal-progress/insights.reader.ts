import { Injectable } from '@nestjs/common';
import type { AttributionModel } from '../../domain/index.js';

/** What a goal's progress is computed from: the goal as it stood at asOf. */
export interface GoalScope {
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The target in force at asOf, in minor units. */
  readonly targetMinor: bigint;
  readonly segment: string | null;
}

export interface TeamCreditView {
  readonly team: 'MARKETING' | 'SALES';
  readonly creditedRevenue: string;
  readonly creditedWins: number;
  readonly sourcedRevenue: string;
  readonly influencedRevenue: string;
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

/** Name of the projection whose commits can move any goal's progress. */
export const INSIGHTS_DEAL_PROJECTION = 'insights-deals';

@Injectable()
export class InsightsReader {
  /** Bitemporal: only deal events recorded at or before asOfMs count (PRODUCT §4). */
  goalProgress(_goal: GoalScope, _asOfMs: number, _model: AttributionModel): GoalProgressView {
    throw new Error('InsightsReader.goalProgress is being written');
  }
}
