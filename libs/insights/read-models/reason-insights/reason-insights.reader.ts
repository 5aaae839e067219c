import { Inject, Injectable } from '@nestjs/common';
import { AnswerCache } from '#projections';
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
  type TeamPerspective,
  type Trend,
} from '../../domain/index.js';
import {
  CITATIONS_PROJECTION,
  INSIGHT_CLOSURE_CODES_TABLE,
  INSIGHT_CLOSURES_TABLE,
  INSIGHT_REASON_MERGES_TABLE,
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
  amount_minor: number;
  closed_at_ms: number;
  loss_reason: string | null;
  competitor: string | null;
  marketing_filed: number;
  sales_filed: number;
}

interface StoredCode {
  deal_id: string;
  code: string;
  by_marketing: number;
  by_sales: number;
  agreed: number;
}

/** The reasons that keep coming back, from the citations read model; the figures come from the pure domain. */
@Injectable()
export class ReasonInsightsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    @Inject(CURRENCY) private readonly currency: Currency,
    private readonly answers: AnswerCache,
  ) {}

  /** Reasons cited by the deals now closed with the kind's outcome, in the window and the one before. */
  reasonReport(request: ReasonReportRequest): ReasonReportView {
    const { kind, window, segment, minOccurrences } = request;
    const question = `reasons:${kind}:${window.from}:${window.to}:${segment === null ? '' : `=${segment}`}:${minOccurrences}`;
    return this.answers.answer([CITATIONS_PROJECTION], question, () => this.report(request));
  }

  private report(request: ReasonReportRequest): ReasonReportView {
    const { kind, window, segment, minOccurrences } = request;
    const span: DateWindow = { from: previousWindow(window).from, to: window.to };
    const outcome = kind === 'LOSS' ? 'LOST' : 'WON';
    // The deals' standing closures of the kind's outcome closed in the span, through a partial
    // index (by segment when one is asked for), then the codes cited on those closures.
    const standing = `${segment === null ? '' : 'c.segment = @segment AND '}c.outcome = @outcome AND c.counts = 1
      AND c.closed_at_ms BETWEEN @start AND @end`;
    const params = { outcome, start: windowStart(span), end: windowEnd(span), ...(segment === null ? {} : { segment }) };
    const closures = prepared(
      this.db,
      `SELECT c.deal_id, c.segment, c.amount_minor, c.closed_at_ms, c.loss_reason, c.competitor, c.marketing_filed, c.sales_filed
       FROM ${INSIGHT_CLOSURES_TABLE} c WHERE ${standing}`,
    ).all(params) as StoredClosure[];
    const codes = prepared(
      this.db,
      `SELECT k.deal_id, k.code, k.by_marketing, k.by_sales, k.agreed
       FROM ${INSIGHT_CLOSURES_TABLE} c
       JOIN ${INSIGHT_CLOSURE_CODES_TABLE} k ON k.deal_id = c.deal_id AND k.closure = c.closure
       WHERE ${standing}`,
    ).all(params) as StoredCode[];
    const merges = prepared(this.db, `SELECT code, merged_into AS mergedInto FROM ${INSIGHT_REASON_MERGES_TABLE}`).all() as {
      code: string;
      mergedInto: string;
    }[];

    const codesOf = new Map<string, StoredCode[]>();
    for (const code of codes) {
      const list = codesOf.get(code.deal_id);
      if (list === undefined) codesOf.set(code.deal_id, [code]);
      else list.push(code);
    }
    const deals: ClosedDeal[] = closures.map((closure) => {
      const cited = codesOf.get(closure.deal_id) ?? [];
      const perspectives: TeamPerspective[] = [];
      if (closure.marketing_filed === 1) {
        perspectives.push({ team: 'MARKETING', reasonCodes: cited.filter((code) => code.by_marketing === 1).map((code) => code.code) });
      }
      if (closure.sales_filed === 1) {
        perspectives.push({ team: 'SALES', reasonCodes: cited.filter((code) => code.by_sales === 1).map((code) => code.code) });
      }
      return {
        dealId: closure.deal_id,
        outcome,
        segment: closure.segment,
        amountMinor: BigInt(closure.amount_minor),
        closedAt: closure.closed_at_ms,
        competitor: closure.competitor,
        lossReason: closure.loss_reason,
        perspectives,
        agreedReasonCodes: cited.filter((code) => code.agreed === 1).map((code) => code.code),
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
