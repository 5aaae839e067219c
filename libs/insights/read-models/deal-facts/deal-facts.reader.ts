import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { READ_MODEL_DATABASE } from '#shared/application';
import { windowEnd, windowStart, type DateWindow, type Touch, type WonDeal } from '../../domain/index.js';
import { INSIGHT_DEAL_FACTS_TABLE, INSIGHT_TOUCHES_TABLE, type DealFactsRow, type TouchFactsRow } from './deal-facts.projection.js';

/** The deal facts goal progress and the scoreboard count: deals as known at a moment, and their touches. */
@Injectable()
export class DealFactsReader {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase) {}

  /**
   * Each deal as known at asOfMs (its latest snapshot recorded by then), or as it stands now when
   * asOfMs is null, in the segment when given; only those that can count in the window: closed
   * inside it, or open and expected to close inside it.
   */
  dealsAsOf(asOfMs: number | null, segment: string | null, window: DateWindow): DealFactsRow[] {
    return prepared(this.db, 
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

  /** The won deals among these, each with its touches (only those recorded by asOfMs when given). */
  wonDeals(deals: readonly DealFactsRow[], asOfMs: number | null): WonDeal[] {
    const won = deals.filter((deal) => deal.status === 'WON');
    const touches = this.touchesOf(
      won.map((deal) => deal.deal_id),
      asOfMs,
    );
    return won.map((deal) => ({
      amountMinor: BigInt(deal.amount_minor),
      source: deal.source,
      openedAt: deal.opened_at_ms,
      // A WON snapshot always carries its close.
      closedAt: deal.closed_at_ms ?? deal.opened_at_ms,
      touches: touches.get(deal.deal_id) ?? [],
    }));
  }

  /** The touches of the deals, by deal; only those recorded by asOfMs when given. */
  private touchesOf(dealIds: readonly string[], asOfMs: number | null): Map<string, Touch[]> {
    const byDeal = new Map<string, Touch[]>();
    if (dealIds.length === 0) return byDeal;
    const rows = prepared(this.db, 
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
}
