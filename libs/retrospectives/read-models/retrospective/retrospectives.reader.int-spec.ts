import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEAL_PROJECTIONS, DealsReader, type DealEvent, type DealRow } from '#deals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { countStatementRuns, record, type SpecEvent } from '#projections/testing';
import { AnswerCache } from '#projections';
import { reasonsProjection, ReasonsReader, type ReasonEvent } from '#reasons';
import type { RequestContext } from '#shared/graphql';
import type { RetrospectiveEvent } from '../../domain/index.js';
import { retrospectivesProjection } from './retrospective.projection.js';
import { DealRetrospectiveResolver, PerspectiveResolver, RetrospectiveResolver } from './retrospective.resolver.js';
import { RetrospectivesReader } from './retrospectives.reader.js';

type AnyEvent = SpecEvent<RetrospectiveEvent | DealEvent | ReasonEvent>;
const PAGE = 200;
const projections = [reasonsProjection, ...DEAL_PROJECTIONS, retrospectivesProjection];

describe('a page of retrospectives on a real SQLite read model', () => {
  let db: SqliteDatabase;
  let retrospectives: RetrospectivesReader;
  let deals: DealsReader;
  let reasons: ReasonsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    for (const projection of projections) projection.setup(db);
    retrospectives = new RetrospectivesReader(db);
    deals = new DealsReader(db, AnswerCache.disabled());
    reasons = new ReasonsReader(db);
  });
  afterEach(() => {
    db.close();
  });

  /** Applies events as the runner would: each to the projections that consume it. */
  const project = (events: readonly AnyEvent[]) => {
    db.transaction(() => {
      for (const event of record(events)) {
        for (const projection of projections) if (projection.eventTypes.includes(event.type)) projection.handle(event, db);
      }
    })();
  };

  /** A lost deal with a concluded retrospective holding two perspectives and two action items. */
  function reviewedDeal(index: number): AnyEvent[] {
    const dealId = `deal-${String(index).padStart(3, '0')}`;
    const id = randomUUID();
    const deal = { stream: `deal-${dealId}`, metadata: { recordedAt: '2026-03-01T00:00:00.000Z' } };
    const retro = { stream: `retrospective-${id}`, metadata: { recordedAt: '2026-03-12T00:00:00.000Z' } };
    const openedAt = new Date(Date.parse('2026-03-12T00:00:00.000Z') + index * 1000).toISOString();
    return [
      {
        ...deal,
        type: 'DealOpened',
        data: { dealId, title: 'T', account: 'A', segment: null, source: 'SALES', owner: 'O', amountMinor: 100, currency: 'USD', expectedCloseDate: null, openedAt: '2026-03-01T00:00:00.000Z' },
      },
      {
        ...deal,
        type: 'DealLost',
        data: { dealId, closure: 1, amountMinor: 100, closedAt: '2026-03-10T00:00:00.000Z', reasonCode: 'PRICE', competitor: null, fromStage: 'QUALIFICATION' },
      },
      { ...retro, type: 'RetrospectiveOpened', data: { retrospectiveId: id, dealId, closure: 1, outcome: 'LOST', closedAt: '2026-03-10T00:00:00.000Z', openedAt } },
      ...(['MARKETING', 'SALES'] as const).map(
        (team): AnyEvent => ({
          ...retro,
          type: 'PerspectiveFiled',
          data: { retrospectiveId: id, team, author: team, reasonCodes: ['PRICE', 'TIMING'], notes: null, filedAt: openedAt },
        }),
      ),
      ...['Call back', 'Write FAQ'].map(
        (description): AnyEvent => ({
          ...retro,
          type: 'ActionItemAdded',
          data: { retrospectiveId: id, actionItemId: randomUUID(), ownerTeam: 'SALES', description, dueDate: null, addedBy: 's', addedAt: openedAt },
        }),
      ),
      { ...retro, type: 'RetrospectiveConcluded', data: { retrospectiveId: id, agreedReasonCodes: ['TIMING'], summary: 'S', concludedBy: 'r', concludedAt: openedAt } },
    ];
  }

  beforeEach(() => {
    project([
      { stream: 'reasons', type: 'ReasonDefined', data: { code: 'PRICE', label: 'Price', category: 'PRICE', kind: 'LOSS' } },
      { stream: 'reasons', type: 'ReasonDefined', data: { code: 'TIMING', label: 'Timing', category: 'TIMING', kind: 'LOSS' } },
      ...Array.from({ length: PAGE }, (_, index) => reviewedDeal(index)).flat(),
    ]);
  });

  const request = (): RequestContext => ({ actor: undefined, authError: undefined, correlationId: 'c', loaders: new Map() });

  it('reads a full page with everything under it in a fixed number of queries', () => {
    const statements = countStatementRuns(db);
    const page = retrospectives.page(null, PAGE);
    statements.stop();
    expect(page.edges).toHaveLength(PAGE);
    expect(page.edges.every(({ node }) => node.perspectives.length === 2 && node.actionItems.length === 2 && node.agreedReasonCodes.length === 1)).toBe(true);
    // The page, its count, then perspectives, action items and agreed reasons for all rows at once.
    expect(statements.runs()).toBe(5);
  });

  it('resolves the deal, the reasons and Deal.retrospective of a whole page in one batch each', async () => {
    const rows = retrospectives.page(null, PAGE).edges.map(({ node }) => node);
    const context = request();
    const resolver = new RetrospectiveResolver(retrospectives, deals, reasons, null as never);
    const perspectives = new PerspectiveResolver(reasons);
    let statements = countStatementRuns(db);

    const [resolvedDeals, agreed, cited] = await Promise.all([
      Promise.all(rows.map((row) => resolver.deal(row, context))),
      Promise.all(rows.map((row) => resolver.agreedReasons(row, context))),
      Promise.all(rows.flatMap((row) => row.perspectives.map((perspective) => perspectives.reasons(perspective, context)))),
    ]);
    expect(resolvedDeals.map((deal) => deal.id)).toEqual(rows.map((row) => row.dealId));
    expect(agreed.every((list) => list.map((reason) => reason.code).join() === 'TIMING')).toBe(true);
    expect(cited.every((list) => list.map((reason) => reason.code).join() === 'PRICE,TIMING')).toBe(true);
    // One query for the deals, one for every reason of the page.
    statements.stop();
    expect(statements.runs()).toBe(2);

    const dealRows: DealRow[] = [...deals.byIds(rows.map((row) => row.dealId)).values()];
    statements = countStatementRuns(db);
    const byDeal = new DealRetrospectiveResolver(retrospectives);
    const found = await Promise.all(dealRows.map((deal) => byDeal.retrospective(deal, context)));
    expect(found.map((retro) => retro?.dealId)).toEqual(dealRows.map((deal) => deal.id));
    // The retrospectives by closure, then their perspectives, items and agreed reasons.
    statements.stop();
    expect(statements.runs()).toBe(4);
  });

  it('lists pending deals in one query: none here, as every closure has a concluded retrospective', () => {
    const statements = countStatementRuns(db);
    expect(retrospectives.pendingDealIds(PAGE)).toEqual([]);
    statements.stop();
    expect(statements.runs()).toBe(1);
  });
});
