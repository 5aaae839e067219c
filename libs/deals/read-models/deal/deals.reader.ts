import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { AnswerCache, rowsByKey } from '#projections';
import { currency, formatAmount, invalidInput, type Team } from '#shared';
import { READ_MODEL_DATABASE } from '#shared/application';
import { decodeCursor, encodeCursor } from '#shared/graphql';
import type { DealStatus } from '../../domain/index.js';
import { DEAL_HISTORY_TABLE, DEAL_TOUCHES_TABLE, DEALS_PROJECTION, DEALS_TABLE } from './deal.projection.js';

/** A deal as the read model holds it: the scalar fields of the GraphQL Deal, Decimal as exact strings. */
export interface DealRow {
  readonly id: string;
  readonly title: string;
  readonly account: string;
  readonly segment: string | null;
  readonly source: 'MARKETING' | 'SALES';
  readonly owner: string;
  readonly stage: string;
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly amount: string;
  readonly currency: string;
  readonly expectedCloseDate: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** The loss reason's code as given; the resolver shows it under its current catalog name. */
  readonly lossReasonCode: string | null;
  readonly competitor: string | null;
  readonly closures: number;
  readonly version: number;
}

export interface TouchRow {
  readonly id: string;
  readonly team: Team;
  readonly channel: string;
  readonly campaign: string | null;
  readonly occurredAt: string;
}

export interface HistoryRow {
  readonly revision: number;
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly team: string;
  readonly summary: string;
}

export interface DealFilter {
  readonly status?: DealStatus | null;
  readonly segment?: string | null;
}

export interface DealPage {
  readonly edges: readonly { readonly node: DealRow; readonly cursor: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

interface StoredDeal {
  id: string;
  title: string;
  account: string;
  segment: string | null;
  source: 'MARKETING' | 'SALES';
  owner: string;
  stage: string;
  status: 'OPEN' | 'WON' | 'LOST';
  amount_minor: number;
  currency: string;
  expected_close_date: string | null;
  opened_at: string;
  closed_at: string | null;
  loss_reason_code: string | null;
  competitor: string | null;
  closures: number;
  version: number;
}

interface StoredTouch {
  deal_id: string;
  touch_id: string;
  team: Team;
  channel: string;
  campaign: string | null;
  occurred_at: string;
}

interface StoredHistory {
  deal_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  actor: string;
  team: string;
  summary: string;
}

const toRow = (stored: StoredDeal): DealRow => ({
  id: stored.id,
  title: stored.title,
  account: stored.account,
  segment: stored.segment,
  source: stored.source,
  owner: stored.owner,
  stage: stored.stage,
  status: stored.status,
  amount: formatAmount(stored.amount_minor, currency(stored.currency)),
  currency: stored.currency,
  expectedCloseDate: stored.expected_close_date,
  openedAt: stored.opened_at,
  closedAt: stored.closed_at,
  lossReasonCode: stored.loss_reason_code,
  competitor: stored.competitor,
  closures: stored.closures,
  version: stored.version,
});

// The filters of the list, shared by the page and its count: a NULL parameter means "any".
const FILTER = `(@status IS NULL OR status = @status) AND (@segment IS NULL OR segment = @segment)`;

/** Reads the deals' read model; other contexts use it to show deals they refer to. */
@Injectable()
export class DealsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    private readonly answers: AnswerCache,
  ) {}

  byId(id: string): DealRow | null {
    const stored = prepared(this.db, `SELECT * FROM ${DEALS_TABLE} WHERE id = ?`).get(id) as StoredDeal | undefined;
    return stored ? toRow(stored) : null;
  }

  /** One query for any number of ids, keyed by id; unknown ids are absent. */
  byIds(ids: readonly string[]): Map<string, DealRow> {
    return rowsByKey<StoredDeal, DealRow>(this.db, DEALS_TABLE, 'id', ids, toRow);
  }

  /**
   * One page of deals, oldest opening first (ties by id), after an opaque cursor from an earlier
   * page of the same filters; `totalCount` counts every deal the filters match.
   */
  page(filter: DealFilter, first: number, after?: string | null): DealPage {
    const params = { status: filter.status ?? null, segment: filter.segment ?? null };
    const position = afterPosition(after);
    const stored = prepared(this.db, 
        `SELECT * FROM ${DEALS_TABLE}
         WHERE ${FILTER} AND (@afterOpenedAt IS NULL OR (opened_at, id) > (@afterOpenedAt, @afterId))
         ORDER BY opened_at, id
         LIMIT @limit`,
      )
      .all({ ...params, afterOpenedAt: position?.openedAt ?? null, afterId: position?.id ?? '', limit: first + 1 }) as StoredDeal[];
    // Counting every deal the filters match is the page's only cost that grows with all deals.
    const question = `count:${params.status ?? ''}:${params.segment === null ? '' : `=${params.segment}`}`;
    const total = this.answers.answer([DEALS_PROJECTION], question, () =>
      (prepared(this.db, `SELECT count(*) AS total FROM ${DEALS_TABLE} WHERE ${FILTER}`).get(params) as { total: number }).total,
    );
    const shown = stored.slice(0, first);
    const edges = shown.map((row) => ({ node: toRow(row), cursor: encodeCursor([row.opened_at, row.id]) }));
    return {
      edges,
      pageInfo: { hasNextPage: stored.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  /** Each deal's touches in the order they occurred (ties by id), in one query; deals without any are absent. */
  touchesOf(dealIds: readonly string[]): Map<string, TouchRow[]> {
    const stored = prepared(this.db, 
        `SELECT * FROM ${DEAL_TOUCHES_TABLE} WHERE deal_id IN (SELECT value FROM json_each(?))
         ORDER BY deal_id, occurred_at, touch_id`,
      )
      .all(JSON.stringify([...new Set(dealIds)])) as StoredTouch[];
    return groupBy(stored, (touch) => touch.deal_id, (touch) => ({
      id: touch.touch_id,
      team: touch.team,
      channel: touch.channel,
      campaign: touch.campaign,
      occurredAt: touch.occurred_at,
    }));
  }

  /** Each deal's events, oldest first, in one query. */
  historyOf(dealIds: readonly string[]): Map<string, HistoryRow[]> {
    const stored = prepared(this.db, 
        `SELECT * FROM ${DEAL_HISTORY_TABLE} WHERE deal_id IN (SELECT value FROM json_each(?))
         ORDER BY deal_id, revision`,
      )
      .all(JSON.stringify([...new Set(dealIds)])) as StoredHistory[];
    return groupBy(stored, (entry) => entry.deal_id, (entry) => ({
      revision: entry.revision,
      type: entry.type,
      at: entry.recorded_at,
      actor: entry.actor,
      team: entry.team,
      summary: entry.summary,
    }));
  }
}

function afterPosition(after: string | null | undefined): { openedAt: string; id: string } | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [openedAt, id] = key;
  if (key.length !== 2 || typeof openedAt !== 'string' || typeof id !== 'string') {
    throw invalidInput('after', 'after is not a cursor of the deals list');
  }
  return { openedAt, id };
}

function groupBy<Stored, Row>(rows: readonly Stored[], keyOf: (row: Stored) => string, toRow: (row: Stored) => Row): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(toRow(row));
    else groups.set(key, [toRow(row)]);
  }
  return groups;
}
