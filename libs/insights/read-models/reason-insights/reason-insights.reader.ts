import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { formatAmount, toIso, type Currency, type Team } from '#shared';
import { CURRENCY, READ_MODEL_DATABASE } from '#shared/application';
import {
  previousWindow,
  reasonReport,
  windowEnd,
  windowStart,
  type ClosedDeal,
  type DateWindow,
  type ReasonKind,
  type Trend,
} from '../../domain/index.js';
import {
  INSIGHT_CITED_DEALS_TABLE,
  INSIGHT_CLOSURES_TABLE,
  INSIGHT_PERSPECTIVES_TABLE,
  INSIGHT_REASON_MERGES_TABLE,
  INSIGHT_RETROSPECTIVES_TABLE,
} from '../citations/citations.projection.js';

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

/** The reasons that keep coming back, from the citations read model; the figures come from the pure domain. */
@Injectable()
export class ReasonInsightsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  /** Reasons cited by the deals now closed with the kind's outcome, in the window and the one before. */
  reasonReport(request: ReasonReportRequest): ReasonReportView {
    const { kind, window, segment, minOccurrences } = request;
    const span: DateWindow = { from: previousWindow(window).from, to: window.to };
    const closures = prepared(this.db, 
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
    const retrospectives = prepared(this.db, 
        `SELECT r.retrospective_id, r.deal_id, r.agreed_reason_codes
         FROM ${INSIGHT_RETROSPECTIVES_TABLE} r
         JOIN ${INSIGHT_CITED_DEALS_TABLE} d ON d.deal_id = r.deal_id AND d.latest_closure = r.closure
         WHERE r.deal_id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids) as StoredRetrospective[];
    const perspectives = prepared(this.db, 
        `SELECT retrospective_id, team, reason_codes FROM ${INSIGHT_PERSPECTIVES_TABLE}
         WHERE retrospective_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(retrospectives.map((retrospective) => retrospective.retrospective_id))) as StoredPerspective[];
    const merges = prepared(this.db, `SELECT code, merged_into AS mergedInto FROM ${INSIGHT_REASON_MERGES_TABLE}`).all() as {
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

    const money = (minor: bigint): string => formatAmount(minor, this.currency);
    const report = reasonReport({ kind, window, segment, minOccurrences, deals, reasons: merges });
    const insights = report.reasons.map(
      (insight): ReasonInsightView => ({
        code: insight.code,
        deals: insight.deals,
        share: insight.share,
        revenue: money(insight.revenueMinor),
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
      revenue: money(report.revenueMinor),
      reasons: insights,
      recurring: insights.filter((insight) => insight.recurring),
    };
  }
}
