import { Inject, Injectable } from '@nestjs/common';
import type { SqliteDatabase } from '#sqlite';
import { formatAmount, toIso, type Currency, type Team } from '#shared';
import { CURRENCY, READ_MODEL_DATABASE } from '#shared/application';
import {
  creditTeams,
  goalProgress,
  previousWindow,
  reasonReport,
  windowEnd,
  windowStart,
  type AttributionModel,
  type ClosedDeal,
  type DateWindow,
  type ReasonKind,
  type TeamCreditFigures,
  type Touch,
  type Trend,
  type WonDeal,
} from '../../domain/index.js';
import {
  INSIGHT_CLOSURES_TABLE,
  INSIGHT_CITED_DEALS_TABLE,
  INSIGHT_PERSPECTIVES_TABLE,
  INSIGHT_REASON_MERGES_TABLE,
  INSIGHT_RETROSPECTIVES_TABLE,
} from '../reason-insights/citations.projection.js';
import { INSIGHT_DEAL_FACTS_TABLE, INSIGHT_TOUCHES_TABLE, type DealFactsRow, type TouchFactsRow } from './insights-deals.projection.js';

export { INSIGHTS_DEAL_PROJECTION } from './insights-deals.projection.js';
export { INSIGHTS_CITATIONS_PROJECTION } from '../reason-insights/citations.projection.js';

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

/** The GraphQL Scoreboard. */
export interface ScoreboardView {
  readonly from: string;
  readonly to: string;
  readonly model: AttributionModel;
  readonly wonRevenue: string;
  readonly wonDeals: number;
  readonly credit: readonly TeamCreditView[];
}

/** The GraphQL ReasonInsight; `code` becomes its Reason through the catalog's loader. */
export interface ReasonInsightView {
  readonly code: string;
  readonly deals: number;
  readonly share: number;
  readonly revenue: string;
  readonly previousDeals: number;
  readonly trend: Trend;
  readonly recurring: boolean;
  readonly citedBy: readonly { readonly team: Team; readonly perspectives: number }[];
  readonly agreement: number | null;
  readonly competitors: readonly { readonly competitor: string; readonly deals: number }[];
  readonly lastSeenAt: string;
}

export interface ReasonReportView {
  readonly kind: ReasonKind;
  readonly from: string;
  readonly to: string;
  readonly segment: string | null;
  readonly deals: number;
  readonly revenue: string;
  readonly reasons: readonly ReasonInsightView[];
  readonly recurring: readonly ReasonInsightView[];
}

export interface ReasonReportRequest {
  readonly kind: ReasonKind;
  readonly window: DateWindow;
  readonly segment: string | null;
  readonly minOccurrences: number;
}

interface StoredClosure {
  deal_id: string;
  segment: string | null;
  outcome: 'WON' | 'LOST';
  amount_minor: number;
  closed_at_ms: number;
  loss_reason: string | null;
  competitor: string | null;
}

interface StoredRetrospective {
  retrospective_id: string;
  deal_id: string;
  agreed_reason_codes: string;
}

interface StoredPerspective {
  retrospective_id: string;
  team: Team;
  reason_codes: string;
}

/**
 * Answers the insight read models: goal progress as of any moment from the bitemporal deal
 * facts, the scoreboard and reason reports from deals as they stand now. All figures come from
 * the pure domain; this class only loads the facts and formats money.
 */
@Injectable()
export class InsightsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  /** Bitemporal: only deal events recorded at or before asOfMs count (PRODUCT §4). */
  goalProgress(goal: GoalScope, asOfMs: number, model: AttributionModel): GoalProgressView {
    const period: DateWindow = { from: goal.periodStart, to: goal.periodEnd };
    const deals = this.dealsAsOf(asOfMs, goal.segment, period);
    const touches = this.touchesOf(
      deals.filter((deal) => deal.status === 'WON').map((deal) => deal.deal_id),
      asOfMs,
    );
    const figures = goalProgress({
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      targetMinor: goal.targetMinor,
      asOf: asOfMs,
      model,
      won: deals.filter((deal) => deal.status === 'WON').map((deal) => wonDeal(deal, touches)),
      lost: deals.filter((deal) => deal.status === 'LOST').map((deal) => ({ closedAt: deal.closed_at_ms ?? 0 })),
      open: deals
        .filter((deal) => deal.status === 'OPEN')
        .map((deal) => ({ amountMinor: BigInt(deal.amount_minor), expectedCloseDate: deal.expected_close_date })),
    });
    return {
      asOf: toIso(figures.asOf),
      model: figures.model,
      target: this.money(figures.targetMinor),
      wonRevenue: this.money(figures.wonRevenueMinor),
      wonDeals: figures.wonDeals,
      lostDeals: figures.lostDeals,
      attainment: figures.attainment,
      expectedAttainment: figures.expectedAttainment,
      onPace: figures.onPace,
      remaining: this.money(figures.remainingMinor),
      openPipeline: this.money(figures.openPipelineMinor),
      pipelineCoverage: figures.pipelineCoverage,
      winRate: figures.winRate,
      requiredCoverage: figures.requiredCoverage,
      credit: figures.credit.map((row) => this.creditView(row)),
    };
  }

  /** Credit over every deal now won with its close inside the window. */
  scoreboard(window: DateWindow, model: AttributionModel): ScoreboardView {
    const won = this.dealsAsOf(null, null, window).filter((deal) => deal.status === 'WON');
    const touches = this.touchesOf(
      won.map((deal) => deal.deal_id),
      null,
    );
    const wonDeals = won.map((deal) => wonDeal(deal, touches));
    return {
      from: window.from,
      to: window.to,
      model,
      wonRevenue: this.money(wonDeals.reduce((total, deal) => total + deal.amountMinor, 0n)),
      wonDeals: wonDeals.length,
      credit: creditTeams(wonDeals, model).map((row) => this.creditView(row)),
    };
  }

  /** Reasons cited by the deals now closed with the kind's outcome, in the window and the one before. */
  reasonReport(request: ReasonReportRequest): ReasonReportView {
    const { kind, window, segment, minOccurrences } = request;
    const span: DateWindow = { from: previousWindow(window).from, to: window.to };
    const closures = this.db
      .prepare(
        `SELECT d.deal_id, d.segment, c.outcome, c.amount_minor, c.closed_at_ms, c.loss_reason, c.competitor
         FROM ${INSIGHT_CITED_DEALS_TABLE} d
         JOIN ${INSIGHT_CLOSURES_TABLE} c ON c.deal_id = d.deal_id AND c.closure = d.latest_closure
         WHERE d.status = @outcome AND c.closed_at_ms BETWEEN @start AND @end AND (@segment IS NULL OR d.segment = @segment)`,
      )
      .all({
        outcome: kind === 'LOSS' ? 'LOST' : 'WON',
        start: windowStart(span),
        end: windowEnd(span),
        segment,
      }) as StoredClosure[];
    const ids = JSON.stringify(closures.map((closure) => closure.deal_id));
    // The retrospective of each deal's latest closure, and the perspectives filed on it.
    const retrospectives = this.db
      .prepare(
        `SELECT r.retrospective_id, r.deal_id, r.agreed_reason_codes
         FROM ${INSIGHT_RETROSPECTIVES_TABLE} r
         JOIN ${INSIGHT_CITED_DEALS_TABLE} d ON d.deal_id = r.deal_id AND d.latest_closure = r.closure
         WHERE r.deal_id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids) as StoredRetrospective[];
    const perspectives = this.db
      .prepare(
        `SELECT retrospective_id, team, reason_codes FROM ${INSIGHT_PERSPECTIVES_TABLE}
         WHERE retrospective_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(retrospectives.map((retrospective) => retrospective.retrospective_id))) as StoredPerspective[];
    const merges = this.db.prepare(`SELECT code, merged_into AS mergedInto FROM ${INSIGHT_REASON_MERGES_TABLE}`).all() as {
      code: string;
      mergedInto: string;
    }[];

    const retrospectiveOf = new Map(retrospectives.map((retrospective) => [retrospective.deal_id, retrospective]));
    const deals: ClosedDeal[] = closures.map((closure) => {
      const retrospective = retrospectiveOf.get(closure.deal_id);
      return {
        dealId: closure.deal_id,
        outcome: closure.outcome,
        segment: closure.segment,
        amountMinor: BigInt(closure.amount_minor),
        closedAt: closure.closed_at_ms,
        competitor: closure.competitor,
        lossReason: closure.loss_reason,
        perspectives:
          retrospective === undefined
            ? []
            : perspectives
                .filter((perspective) => perspective.retrospective_id === retrospective.retrospective_id)
                .map((perspective) => ({ team: perspective.team, reasonCodes: JSON.parse(perspective.reason_codes) as string[] })),
        agreedReasonCodes: retrospective === undefined ? [] : (JSON.parse(retrospective.agreed_reason_codes) as string[]),
      };
    });

    const report = reasonReport({ kind, window, segment, minOccurrences, deals, reasons: merges });
    const insights = report.reasons.map(
      (insight): ReasonInsightView => ({
        code: insight.code,
        deals: insight.deals,
        share: insight.share,
        revenue: this.money(insight.revenueMinor),
        previousDeals: insight.previousDeals,
        trend: insight.trend,
        recurring: insight.recurring,
        citedBy: insight.citedBy,
        agreement: insight.agreement,
        competitors: insight.competitors,
        lastSeenAt: toIso(insight.lastSeenAt),
      }),
    );
    return {
      kind: report.kind,
      from: report.from,
      to: report.to,
      segment: report.segment,
      deals: report.deals,
      revenue: this.money(report.revenueMinor),
      reasons: insights,
      recurring: insights.filter((insight) => insight.recurring),
    };
  }

  /**
   * Each deal as known at asOfMs (its latest snapshot recorded by then), or as it stands now when
   * asOfMs is null, in the segment when given; only those that can count in the window: closed
   * inside it, or open and expected to close inside it.
   */
  private dealsAsOf(asOfMs: number | null, segment: string | null, window: DateWindow): DealFactsRow[] {
    return this.db
      .prepare(
        `SELECT f.* FROM ${INSIGHT_DEAL_FACTS_TABLE} f
         JOIN (
           SELECT deal_id, max(revision) AS revision FROM ${INSIGHT_DEAL_FACTS_TABLE}
           WHERE (@asOf IS NULL OR recorded_at_ms <= @asOf) AND (@segment IS NULL OR segment = @segment)
           GROUP BY deal_id
         ) latest ON latest.deal_id = f.deal_id AND latest.revision = f.revision
         WHERE (f.status IN ('WON', 'LOST') AND f.closed_at_ms BETWEEN @start AND @end)
            OR (f.status = 'OPEN' AND f.expected_close_date BETWEEN @from AND @to)
         ORDER BY f.deal_id`,
      )
      .all({ asOf: asOfMs, segment, start: windowStart(window), end: windowEnd(window), from: window.from, to: window.to }) as DealFactsRow[];
  }

  /** The touches of the deals, by deal; only those recorded by asOfMs when given. */
  private touchesOf(dealIds: readonly string[], asOfMs: number | null): Map<string, Touch[]> {
    const byDeal = new Map<string, Touch[]>();
    if (dealIds.length === 0) return byDeal;
    const rows = this.db
      .prepare(
        `SELECT * FROM ${INSIGHT_TOUCHES_TABLE}
         WHERE deal_id IN (SELECT value FROM json_each(@ids)) AND (@asOf IS NULL OR recorded_at_ms <= @asOf)
         ORDER BY deal_id, touch_id`,
      )
      .all({ ids: JSON.stringify(dealIds), asOf: asOfMs }) as TouchFactsRow[];
    for (const row of rows) {
      const touches = byDeal.get(row.deal_id) ?? [];
      touches.push({ id: row.touch_id, team: row.team, occurredAt: row.occurred_at_ms });
      byDeal.set(row.deal_id, touches);
    }
    return byDeal;
  }

  private creditView(row: TeamCreditFigures): TeamCreditView {
    return {
      team: row.team,
      creditedRevenue: this.money(row.creditedRevenueMinor),
      creditedWins: row.creditedWins,
      sourcedRevenue: this.money(row.sourcedRevenueMinor),
      influencedRevenue: this.money(row.influencedRevenueMinor),
    };
  }

  private money(minor: bigint): string {
    return formatAmount(minor, this.currency);
  }
}

function wonDeal(deal: DealFactsRow, touches: ReadonlyMap<string, readonly Touch[]>): WonDeal {
  return {
    amountMinor: BigInt(deal.amount_minor),
    source: deal.source,
    openedAt: deal.opened_at_ms,
    // A WON snapshot always carries its close.
    closedAt: deal.closed_at_ms ?? deal.opened_at_ms,
    touches: touches.get(deal.deal_id) ?? [],
  };
}
