import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { AnswerCache, rowsByKey } from '#projections';
import { invalidInput } from '#shared';
import { READ_MODEL_DATABASE } from '#shared/application';
import { decodeCursor, encodeCursor } from '#shared/graphql';
import type { LeadStatus } from '../../domain/index.js';
import { LEAD_HISTORY_TABLE, LEADS_PROJECTION, LEADS_TABLE } from './lead.projection.js';

/** A lead as the read model holds it: the scalar fields of the GraphQL Lead, of its latest handoff. */
export interface LeadRow {
  readonly id: string;
  readonly status: LeadStatus;
  readonly account: string;
  readonly contact: string | null;
  readonly segment: string | null;
  readonly channel: string;
  readonly campaign: string | null;
  readonly criteriaMet: readonly string[];
  readonly agreementVersion: number;
  readonly meetsAgreement: boolean;
  readonly handedOffAt: string;
  readonly respondBy: string;
  readonly respondedAt: string | null;
  /** As cited; the resolver shows it under its current catalog name. */
  readonly rejectionReasonCode: string | null;
  readonly note: string | null;
  readonly handoffs: number;
  readonly dealId: string | null;
  readonly version: number;
}

export interface LeadHistoryRow {
  readonly revision: number;
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly summary: string;
}

export interface LeadFilter {
  readonly status?: LeadStatus | null;
  readonly segment?: string | null;
  readonly campaign?: string | null;
}

export interface LeadPage {
  readonly edges: readonly { readonly node: LeadRow; readonly cursor: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

interface StoredLead {
  id: string;
  status: LeadStatus;
  account: string;
  contact: string | null;
  segment: string | null;
  channel: string;
  campaign: string | null;
  criteria_met: string;
  agreement_version: number;
  meets_agreement: number;
  handed_off_at: string;
  handed_off_at_ms: number;
  respond_by: string;
  respond_by_ms: number;
  responded_at: string | null;
  rejection_reason_code: string | null;
  note: string | null;
  handoffs: number;
  deal_id: string | null;
  version: number;
}

interface StoredHistory {
  lead_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  actor: string;
  summary: string;
}

const toRow = (stored: StoredLead): LeadRow => ({
  id: stored.id,
  status: stored.status,
  account: stored.account,
  contact: stored.contact,
  segment: stored.segment,
  channel: stored.channel,
  campaign: stored.campaign,
  criteriaMet: JSON.parse(stored.criteria_met) as string[],
  agreementVersion: stored.agreement_version,
  meetsAgreement: stored.meets_agreement === 1,
  handedOffAt: stored.handed_off_at,
  respondBy: stored.respond_by,
  respondedAt: stored.responded_at,
  rejectionReasonCode: stored.rejection_reason_code,
  note: stored.note,
  handoffs: stored.handoffs,
  dealId: stored.deal_id,
  version: stored.version,
});

// The filters of the list, shared by the page and its count: a NULL parameter means "any".
const FILTER = `(@status IS NULL OR status = @status) AND (@segment IS NULL OR segment = @segment) AND (@campaign IS NULL OR campaign = @campaign)`;

/** Reads the leads' read model. */
@Injectable()
export class LeadsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    private readonly answers: AnswerCache,
  ) {}

  byId(id: string): LeadRow | null {
    const stored = prepared(this.db, `SELECT * FROM ${LEADS_TABLE} WHERE id = ?`).get(id) as StoredLead | undefined;
    return stored ? toRow(stored) : null;
  }

  /** One query for any number of ids, keyed by id; unknown ids are absent. */
  byIds(ids: readonly string[]): Map<string, LeadRow> {
    return rowsByKey<StoredLead, LeadRow>(this.db, LEADS_TABLE, 'id', ids, toRow);
  }

  /** The leads converted into these deals, keyed by deal id, in one query. */
  byDealIds(dealIds: readonly string[]): Map<string, LeadRow> {
    return rowsByKey<StoredLead, LeadRow>(this.db, LEADS_TABLE, 'deal_id', dealIds, toRow);
  }

  /**
   * One page of leads, latest handoff first (ties by id, descending), after an opaque cursor from
   * an earlier page of the same filters; `totalCount` counts every lead the filters match.
   */
  page(filter: LeadFilter, first: number, after?: string | null): LeadPage {
    const params = { status: filter.status ?? null, segment: filter.segment ?? null, campaign: filter.campaign ?? null };
    const position = afterPosition(after);
    const stored = prepared(
      this.db,
      `SELECT * FROM ${LEADS_TABLE}
       WHERE ${FILTER} AND (@afterMs IS NULL OR (handed_off_at_ms, id) < (@afterMs, @afterId))
       ORDER BY handed_off_at_ms DESC, id DESC
       LIMIT @limit`,
    ).all({ ...params, afterMs: position?.handedOffAtMs ?? null, afterId: position?.id ?? '', limit: first + 1 }) as StoredLead[];
    const question = `count:${params.status ?? ''}:${params.segment === null ? '' : `=${params.segment}`}:${params.campaign === null ? '' : `=${params.campaign}`}`;
    const total = this.answers.answer([LEADS_PROJECTION], question, () =>
      (prepared(this.db, `SELECT count(*) AS total FROM ${LEADS_TABLE} WHERE ${FILTER}`).get(params) as { total: number }).total,
    );
    const edges = stored.slice(0, first).map((row) => ({ node: toRow(row), cursor: encodeCursor([row.handed_off_at_ms, row.id]) }));
    return { edges, pageInfo: { hasNextPage: stored.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /** Sales' queue: the leads awaiting an answer, earliest respondBy first (ties by id). */
  inbox(first: number): LeadRow[] {
    const stored = prepared(this.db, `SELECT * FROM ${LEADS_TABLE} WHERE status = 'HANDED_OFF' ORDER BY respond_by_ms, id LIMIT @limit`).all({ limit: first }) as StoredLead[];
    return stored.map(toRow);
  }

  /** Each lead's events, oldest first, in one query. */
  historyOf(leadIds: readonly string[]): Map<string, LeadHistoryRow[]> {
    const stored = prepared(
      this.db,
      `SELECT * FROM ${LEAD_HISTORY_TABLE} WHERE lead_id IN (SELECT value FROM json_each(?)) ORDER BY lead_id, revision`,
    ).all(JSON.stringify([...new Set(leadIds)])) as StoredHistory[];
    const groups = new Map<string, LeadHistoryRow[]>();
    for (const entry of stored) {
      const row = { revision: entry.revision, type: entry.type, at: entry.recorded_at, actor: entry.actor, summary: entry.summary };
      const group = groups.get(entry.lead_id);
      if (group) group.push(row);
      else groups.set(entry.lead_id, [row]);
    }
    return groups;
  }
}

function afterPosition(after: string | null | undefined): { handedOffAtMs: number; id: string } | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [handedOffAtMs, id] = key;
  if (key.length !== 2 || typeof handedOffAtMs !== 'number' || typeof id !== 'string') {
    throw invalidInput('after', 'after is not a cursor of the leads list');
  }
  return { handedOffAtMs, id };
}
