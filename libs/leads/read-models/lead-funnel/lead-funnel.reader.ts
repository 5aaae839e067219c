import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { AnswerCache } from '#projections';
import { endOfDate, formatAmount, startOfDate, toIso, type Currency } from '#shared';
import { CURRENCY, READ_MODEL_DATABASE } from '#shared/application';
import { REASONS_PROJECTION, ReasonsReader, resolveMerges, type ReasonCatalog } from '#reasons';
import { leadFunnel, type FunnelFigures, type HandoffFact } from '../../domain/index.js';
import { LEAD_DEAL_OUTCOMES_TABLE, LEAD_HANDOFFS_TABLE, LEADS_PROJECTION } from '../lead/lead.projection.js';

export interface LeadFunnelRequest {
  /** Dates YYYY-MM-DD, checked: the period runs from `from` 00:00Z through `to` 23:59:59.999Z. */
  readonly from: string;
  readonly to: string;
  readonly asOfMs: number;
  readonly segment: string | null;
  readonly campaign: string | null;
}

/** The GraphQL LeadFunnel; each rejection reason's `code` becomes its Reason through the catalog's loader. */
export type LeadFunnelView = Omit<FunnelFigures, 'wonRevenueMinor'> & {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly segment: string | null;
  readonly campaign: string | null;
  readonly wonRevenue: string;
};

interface StoredHandoff {
  agreement_version: number;
  meets_agreement: number;
  handed_off_at_ms: number;
  respond_by_ms: number;
  response: 'ACCEPTED' | 'REJECTED' | null;
  responded_at_ms: number | null;
  reason_code: string | null;
  recycled_at_ms: number | null;
  converted_at_ms: number | null;
  won_amount_minor: number | null;
}

/** The handoff funnel of a period as known at any moment, from the leads read model; the figures come from the pure domain. */
@Injectable()
export class LeadFunnelReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    @Inject(CURRENCY) private readonly currency: Currency,
    private readonly reasons: ReasonsReader,
    private readonly answers: AnswerCache,
  ) {}

  funnel(request: LeadFunnelRequest): LeadFunnelView {
    const question = JSON.stringify(request);
    return this.answers.answer([LEADS_PROJECTION, REASONS_PROJECTION], question, () => this.compute(request));
  }

  private compute(request: LeadFunnelRequest): LeadFunnelView {
    const { from, to, asOfMs, segment, campaign } = request;
    const { wonRevenueMinor, ...figures } = leadFunnel(this.handoffFacts(request), asOfMs, this.survivors());
    return { from, to, asOf: toIso(asOfMs), segment, campaign, ...figures, wonRevenue: formatAmount(wonRevenueMinor, this.currency) };
  }

  /** The handoffs made in the period and recorded by asOf (a period after asOf has none), with their deals' outcomes then. */
  handoffFacts({ from, to, asOfMs, segment, campaign }: LeadFunnelRequest): HandoffFact[] {
    const stored = prepared(
      this.db,
      `SELECT h.agreement_version, h.meets_agreement, h.handed_off_at_ms, h.respond_by_ms, h.response, h.responded_at_ms,
              h.reason_code, h.recycled_at_ms, h.converted_at_ms,
              (SELECT CASE WHEN o.status = 'WON' THEN o.amount_minor END FROM ${LEAD_DEAL_OUTCOMES_TABLE} o
               WHERE o.deal_id = h.deal_id AND o.known_from_ms <= @asOf ORDER BY o.revision DESC LIMIT 1) AS won_amount_minor
       FROM ${LEAD_HANDOFFS_TABLE} h
       WHERE h.handed_off_at_ms BETWEEN @start AND min(@end, @asOf)
         AND (@segment IS NULL OR h.segment = @segment) AND (@campaign IS NULL OR h.campaign = @campaign)`,
    ).all({ start: startOfDate(from), end: endOfDate(to), asOf: asOfMs, segment, campaign }) as StoredHandoff[];
    return stored.map(
      (row): HandoffFact => ({
        agreementVersion: row.agreement_version,
        meetsAgreement: row.meets_agreement === 1,
        handedOffAtMs: row.handed_off_at_ms,
        respondByMs: row.respond_by_ms,
        response:
          row.response === null || row.responded_at_ms === null
            ? null
            : { outcome: row.response, atMs: row.responded_at_ms, reasonCode: row.reason_code },
        recycledAtMs: row.recycled_at_ms,
        convertedAtMs: row.converted_at_ms,
        wonAmountMinor: row.won_amount_minor,
      }),
    );
  }

  /** A rejection reason's survivor as the catalog stands now: a merge re-counts history. */
  private survivors(): (code: string) => string {
    const catalog: ReasonCatalog = Object.fromEntries(
      this.reasons.list({ kind: 'REJECTION', includeRetired: true }).map((row) => [row.code, { ...row, mergedInto: row.mergedIntoCode }]),
    );
    return (code) => resolveMerges(code, catalog);
  }
}
