import { Inject, Injectable } from '@nestjs/common';
import { AnswerCache } from '#projections';
import { prepared, type SqliteDatabase, type SqliteStatement } from '#sqlite';
import { READ_MODEL_DATABASE } from '#shared/application';
import { TEAMS } from '#shared';
import { windowEnd, windowStart, type AttributionModel, type DateWindow, type TeamCreditFigures } from '../../domain/index.js';
import { creditColumns, DEAL_FACTS_PROJECTION, INSIGHT_DEAL_FACTS_KNOWN_TABLE, INSIGHT_DEAL_FACTS_TABLE } from './deal-facts.projection.js';

/** Which deals count: those of a period, in one segment or all, as known at a moment or now. */
export interface FactsScope {
  readonly window: DateWindow;
  readonly segment: string | null;
  /** Epoch ms; null for the deals as they stand now, whenever their facts were recorded. */
  readonly asOf: number | null;
  readonly model: AttributionModel;
}

/** What progress and the scoreboard add up: the deals of the scope by status, and each team's credit. */
export interface FactsTotals {
  readonly wonRevenueMinor: bigint;
  readonly wonDeals: number;
  readonly lostDeals: number;
  /** Open deals expected to close inside the period. */
  readonly openPipelineMinor: bigint;
  /** Under the scope's model, MARKETING first. */
  readonly credit: readonly TeamCreditFigures[];
}

interface StatusSums {
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly deals: bigint;
  readonly amount: bigint | null;
  readonly sourced_marketing: bigint | null;
  readonly sourced_sales: bigint | null;
  readonly influenced_marketing: bigint | null;
  readonly influenced_sales: bigint | null;
  readonly credited_marketing: bigint | null;
  readonly credited_sales: bigint | null;
  readonly wins_marketing: number | bigint | null;
  readonly wins_sales: number | bigint | null;
}

/**
 * Sums over the deal facts: one indexed range of versions per request (the scope's statuses, in
 * the segment when given, whose close or expected close falls in the period), each won version
 * carrying its credit under every model, so nothing of a deal's history or touches is read.
 */
@Injectable()
export class DealFactsReader {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase,
    private readonly answers: AnswerCache,
  ) {}

  /**
   * The latest moment any version became known (null before the first). From then on the
   * versions known at a moment are the current ones: a "now" reads those, whatever its instant.
   */
  latestKnownMs(): number | null {
    const row = prepared(this.db, `SELECT latest_known_ms FROM ${INSIGHT_DEAL_FACTS_KNOWN_TABLE} WHERE id = 0`).get() as
      | { latest_known_ms: number }
      | undefined;
    return row?.latest_known_ms ?? null;
  }

  /**
   * The totals of the scope, from the answer cache while the deal facts stand still. A moment at
   * or after the latest version known reads the current versions, so "now" asked again and again
   * (its instant a little later each time) is one question.
   */
  totals(scope: FactsScope): FactsTotals {
    const latest = scope.asOf === null ? null : this.latestKnownMs();
    const settled: FactsScope = scope.asOf !== null && (latest === null || scope.asOf >= latest) ? { ...scope, asOf: null } : scope;
    const { window, segment, asOf, model } = settled;
    const question = `totals:${window.from}:${window.to}:${segment === null ? '' : `=${segment}`}:${asOf ?? 'now'}:${model}`;
    return this.answers.answer([DEAL_FACTS_PROJECTION], question, () => this.sum(settled));
  }

  private sum(scope: FactsScope): FactsTotals {
    const params = {
      start: windowStart(scope.window),
      end: windowEnd(scope.window),
      segment: scope.segment,
      asOf: scope.asOf,
    };
    const statement = this.statement(scope);
    let rows: StatusSums[];
    try {
      rows = statement.all(params) as StatusSums[];
    } catch (error) {
      // SQLite's sum() stops at 2^63: past it, add the same rows up in exact integers. (The
      // driver's errors may come from another realm than this module's Error: read the message.)
      if (!/integer overflow/.test(String((error as { message?: unknown } | null)?.message))) throw error;
      rows = this.exactSums(scope, params);
    }
    const of = (status: StatusSums['status']) => rows.find((row) => row.status === status);
    const won = of('WON');
    const wonRevenueMinor = won?.amount ?? 0n;
    const wonDeals = Number(won?.deals ?? 0n);
    const credit = TEAMS.map((team): TeamCreditFigures => {
      const shared = scope.model === 'SHARED';
      const [credited, wins, sourced, influenced] =
        team === 'MARKETING'
          ? [won?.credited_marketing, won?.wins_marketing, won?.sourced_marketing, won?.influenced_marketing]
          : [won?.credited_sales, won?.wins_sales, won?.sourced_sales, won?.influenced_sales];
      return {
        team,
        creditedRevenueMinor: shared ? wonRevenueMinor : (credited ?? 0n),
        creditedWins: shared ? wonDeals : Number(wins ?? 0),
        sourcedRevenueMinor: sourced ?? 0n,
        influencedRevenueMinor: influenced ?? 0n,
      };
    });
    return {
      wonRevenueMinor,
      wonDeals,
      lostDeals: Number(of('LOST')?.deals ?? 0n),
      openPipelineMinor: of('OPEN')?.amount ?? 0n,
      credit,
    };
  }

  private statement(scope: FactsScope): SqliteStatement {
    const credit = creditOf(scope.model, (column) => `sum(${column})`);
    return prepared(
      this.db,
      `SELECT status, count(*) AS deals, sum(amount_minor) AS amount,
         sum(CASE WHEN source = 'MARKETING' THEN amount_minor ELSE 0 END) AS sourced_marketing,
         sum(CASE WHEN source = 'SALES' THEN amount_minor ELSE 0 END) AS sourced_sales,
         sum(CASE WHEN influenced_marketing = 1 THEN amount_minor ELSE 0 END) AS influenced_marketing,
         sum(CASE WHEN influenced_sales = 1 THEN amount_minor ELSE 0 END) AS influenced_sales,
         ${credit}
       FROM ${INSIGHT_DEAL_FACTS_TABLE}
       WHERE ${inScope(scope)}
       GROUP BY status`,
    ).safeIntegers(true);
  }

  /** The same sums, row by row in BigInt: only for amounts beyond what SQLite's integers hold. */
  private exactSums(scope: FactsScope, params: object): StatusSums[] {
    const credit = creditOf(scope.model, (column) => column);
    const rows = prepared(
      this.db,
      `SELECT status, amount_minor, source, influenced_marketing, influenced_sales, ${credit}
       FROM ${INSIGHT_DEAL_FACTS_TABLE} WHERE ${inScope(scope)}`,
    )
      .safeIntegers(true)
      .iterate(params) as IterableIterator<Record<string, bigint | number | string | null>>;
    const sums = new Map<string, { -readonly [Key in keyof StatusSums]: StatusSums[Key] }>();
    const add = (a: bigint | null, b: unknown): bigint => (a ?? 0n) + (typeof b === 'bigint' ? b : 0n);
    for (const row of rows) {
      const status = row['status'] as StatusSums['status'];
      const sum = sums.get(status) ?? {
        status,
        deals: 0n,
        amount: 0n,
        sourced_marketing: 0n,
        sourced_sales: 0n,
        influenced_marketing: 0n,
        influenced_sales: 0n,
        credited_marketing: 0n,
        credited_sales: 0n,
        wins_marketing: 0,
        wins_sales: 0,
      };
      const amount = row['amount_minor'] as bigint;
      sum.deals += 1n;
      sum.amount = add(sum.amount, amount);
      if (row['source'] === 'MARKETING') sum.sourced_marketing = add(sum.sourced_marketing, amount);
      if (row['source'] === 'SALES') sum.sourced_sales = add(sum.sourced_sales, amount);
      if (row['influenced_marketing'] === 1n) sum.influenced_marketing = add(sum.influenced_marketing, amount);
      if (row['influenced_sales'] === 1n) sum.influenced_sales = add(sum.influenced_sales, amount);
      sum.credited_marketing = add(sum.credited_marketing, row['credited_marketing']);
      sum.credited_sales = add(sum.credited_sales, row['credited_sales']);
      sum.wins_marketing = Number(sum.wins_marketing ?? 0) + Number(row['wins_marketing'] ?? 0);
      sum.wins_sales = Number(sum.wins_sales ?? 0) + Number(row['wins_sales'] ?? 0);
      sums.set(status, sum);
    }
    return [...sums.values()];
  }
}

/** The model's credit columns as credited_/wins_ per team, each through `read` (a sum, or as they are). */
function creditOf(model: AttributionModel, read: (column: string) => string): string {
  if (model === 'SHARED') return 'NULL AS credited_marketing, NULL AS credited_sales, NULL AS wins_marketing, NULL AS wins_sales';
  const marketing = creditColumns(model, 'MARKETING');
  const sales = creditColumns(model, 'SALES');
  return `${read(marketing.minor)} AS credited_marketing, ${read(sales.minor)} AS credited_sales,
          ${read(marketing.wins)} AS wins_marketing, ${read(sales.wins)} AS wins_sales`;
}

/**
 * The versions in scope: by status and period through an index, then those known at @asOf (or
 * current ones). The segment picks the index that starts with it.
 */
function inScope(scope: FactsScope): string {
  const known = scope.asOf === null ? 'known_until_ms IS NULL' : 'known_from_ms <= @asOf AND (known_until_ms IS NULL OR known_until_ms > @asOf)';
  const segment = scope.segment === null ? '' : 'segment = @segment AND ';
  return `${segment}status IN ('WON', 'LOST', 'OPEN') AND scope_ms BETWEEN @start AND @end AND ${known}`;
}
