import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { invalidInput, type Team } from '#shared';
import { READ_MODEL_DATABASE } from '#shared/application';
import { decodeCursor, encodeCursor } from '#shared/graphql';
import type { ClosureOutcome, RetrospectiveStatus } from '../../domain/index.js';
import {
  ACTION_ITEMS_TABLE,
  AGREED_REASONS_TABLE,
  DEAL_CLOSURES_TABLE,
  PERSPECTIVE_REASONS_TABLE,
  PERSPECTIVES_TABLE,
  RETROSPECTIVES_TABLE,
} from './retrospective.projection.js';

/** A team's perspective; its reason codes as filed, resolved to Reasons by the resolver. */
export interface PerspectiveRow {
  readonly team: Team;
  readonly author: string;
  readonly notes: string | null;
  readonly filedAt: string;
  readonly reasonCodes: string[];
}

export interface ActionItemRow {
  readonly id: string;
  readonly ownerTeam: Team;
  readonly description: string;
  readonly dueDate: string | null;
  readonly completedAt: string | null;
}

/** A retrospective as the read model holds it: the GraphQL Retrospective less its resolved fields. */
export interface RetrospectiveRow {
  readonly id: string;
  readonly dealId: string;
  /** The deal's closure it reviews, from 1. */
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly status: RetrospectiveStatus;
  /** MARKETING first, then SALES; a team that has not filed is absent. */
  readonly perspectives: PerspectiveRow[];
  readonly agreedReasonCodes: string[];
  readonly summary: string | null;
  /** In the order they were added. */
  readonly actionItems: ActionItemRow[];
  readonly openedAt: string;
  readonly concludedAt: string | null;
  readonly version: number;
}

export interface RetrospectivePage {
  readonly edges: readonly { readonly node: RetrospectiveRow; readonly cursor: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

interface StoredRetrospective {
  id: string;
  deal_id: string;
  closure: number;
  outcome: ClosureOutcome;
  status: RetrospectiveStatus;
  summary: string | null;
  opened_at: string;
  concluded_at: string | null;
  version: number;
}

interface StoredPerspective {
  retrospective_id: string;
  team: Team;
  author: string;
  notes: string | null;
  filed_at: string;
  /** A JSON array of the codes in the order filed. */
  codes: string;
}

interface StoredActionItem {
  retrospective_id: string;
  id: string;
  owner_team: Team;
  description: string;
  due_date: string | null;
  completed_at: string | null;
}

interface StoredAgreedReason {
  retrospective_id: string;
  code: string;
}

/** The key Deal.retrospective loads by: a deal and one of its closures. */
export const closureKey = (dealId: string, closure: number): string => JSON.stringify([dealId, closure]);

/** Reads the retrospectives' read model; a retrospective and everything under it in a bounded number of queries. */
@Injectable()
export class RetrospectivesReader {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase) {}

  byId(id: string): RetrospectiveRow | null {
    return this.byIds([id]).get(id) ?? null;
  }

  /** Any number of retrospectives, keyed by id, in five queries; unknown ids are absent. */
  byIds(ids: readonly string[]): Map<string, RetrospectiveRow> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const stored = prepared(this.db, `SELECT * FROM ${RETROSPECTIVES_TABLE} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(unique)) as StoredRetrospective[];
    return new Map(this.hydrate(stored).map((row) => [row.id, row]));
  }

  /**
   * The retrospective of each (deal, closure) key of closureKey, in one pass: keys without one are
   * absent. At most one exists per closure; should history hold more, the first opened answers.
   */
  byDealClosures(keys: readonly string[]): Map<string, RetrospectiveRow> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Map();
    const stored = prepared(this.db, 
        `SELECT r.* FROM ${RETROSPECTIVES_TABLE} r
         JOIN json_each(?) k ON r.deal_id = json_extract(k.value, '$[0]') AND r.closure = json_extract(k.value, '$[1]')
         ORDER BY r.opened_at DESC, r.id DESC`,
      )
      .all(JSON.stringify(unique.map((key) => JSON.parse(key) as unknown))) as StoredRetrospective[];
    // Later rows overwrite earlier ones in the map, so the first opened is the one kept.
    return new Map(this.hydrate(stored).map((row) => [closureKey(row.dealId, row.closure), row]));
  }

  /**
   * One page, oldest opening first (ties by id), after an opaque cursor from an earlier page of
   * the same filter; `totalCount` counts every retrospective the filter matches.
   */
  page(status: RetrospectiveStatus | null, first: number, after?: string | null): RetrospectivePage {
    const position = afterPosition(after);
    const stored = prepared(this.db, 
        `SELECT * FROM ${RETROSPECTIVES_TABLE}
         WHERE (@status IS NULL OR status = @status) AND (@afterOpenedAt IS NULL OR (opened_at, id) > (@afterOpenedAt, @afterId))
         ORDER BY opened_at, id
         LIMIT @limit`,
      )
      .all({ status, afterOpenedAt: position?.openedAt ?? null, afterId: position?.id ?? '', limit: first + 1 }) as StoredRetrospective[];
    const { total } = prepared(this.db, `SELECT count(*) AS total FROM ${RETROSPECTIVES_TABLE} WHERE (@status IS NULL OR status = @status)`)
      .get({ status }) as { total: number };
    const shown = stored.slice(0, first);
    const edges = this.hydrate(shown).map((node) => ({ node, cursor: encodeCursor([node.openedAt, node.id]) }));
    return { edges, pageInfo: { hasNextPage: stored.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /**
   * Deals now WON or LOST whose latest closure has no concluded retrospective, oldest closedAt
   * first (ties by deal id): their ids, in one query.
   */
  pendingDealIds(first: number): string[] {
    const stored = prepared(this.db, 
        `SELECT c.deal_id FROM ${DEAL_CLOSURES_TABLE} c
         WHERE c.status IN ('WON', 'LOST')
           AND NOT EXISTS (
             SELECT 1 FROM ${RETROSPECTIVES_TABLE} r
             WHERE r.deal_id = c.deal_id AND r.closure = c.closure AND r.status = 'CONCLUDED'
           )
         ORDER BY c.closed_at, c.deal_id
         LIMIT ?`,
      )
      .all(first) as { deal_id: string }[];
    return stored.map((row) => row.deal_id);
  }

  /** Fills in perspectives, agreed reasons and action items: three queries whatever the number of rows. */
  private hydrate(stored: readonly StoredRetrospective[]): RetrospectiveRow[] {
    if (stored.length === 0) return [];
    const ids = JSON.stringify(stored.map((row) => row.id));
    const perspectives = prepared(this.db, 
        `SELECT p.*, (
           SELECT json_group_array(code) FROM (
             SELECT code FROM ${PERSPECTIVE_REASONS_TABLE} pr
             WHERE pr.retrospective_id = p.retrospective_id AND pr.team = p.team ORDER BY pr.position
           )
         ) AS codes
         FROM ${PERSPECTIVES_TABLE} p
         WHERE p.retrospective_id IN (SELECT value FROM json_each(?))
         ORDER BY p.retrospective_id, p.team`,
      )
      .all(ids) as StoredPerspective[];
    const items = prepared(this.db, 
        `SELECT * FROM ${ACTION_ITEMS_TABLE} WHERE retrospective_id IN (SELECT value FROM json_each(?))
         ORDER BY retrospective_id, added_revision`,
      )
      .all(ids) as StoredActionItem[];
    const agreed = prepared(this.db, 
        `SELECT retrospective_id, code FROM ${AGREED_REASONS_TABLE} WHERE retrospective_id IN (SELECT value FROM json_each(?))
         ORDER BY retrospective_id, position`,
      )
      .all(ids) as StoredAgreedReason[];
    const perspectivesOf = groupBy(perspectives, (row) => row.retrospective_id);
    const itemsOf = groupBy(items, (row) => row.retrospective_id);
    const agreedOf = groupBy(agreed, (row) => row.retrospective_id);
    return stored.map((row) => ({
      id: row.id,
      dealId: row.deal_id,
      closure: row.closure,
      outcome: row.outcome,
      status: row.status,
      perspectives: (perspectivesOf.get(row.id) ?? []).map((perspective) => ({
        team: perspective.team,
        author: perspective.author,
        notes: perspective.notes,
        filedAt: perspective.filed_at,
        reasonCodes: JSON.parse(perspective.codes) as string[],
      })),
      agreedReasonCodes: (agreedOf.get(row.id) ?? []).map((reason) => reason.code),
      summary: row.summary,
      actionItems: (itemsOf.get(row.id) ?? []).map((item) => ({
        id: item.id,
        ownerTeam: item.owner_team,
        description: item.description,
        dueDate: item.due_date,
        completedAt: item.completed_at,
      })),
      openedAt: row.opened_at,
      concludedAt: row.concluded_at,
      version: row.version,
    }));
  }
}

function afterPosition(after: string | null | undefined): { openedAt: string; id: string } | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  const [openedAt, id] = key;
  if (key.length !== 2 || typeof openedAt !== 'string' || typeof id !== 'string') {
    throw invalidInput('after', 'after is not a cursor of the retrospectives list');
  }
  return { openedAt, id };
}

function groupBy<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
