import { describe, expect, it } from '@jest/globals';
import type { DealLost, DealReopened, DealWon } from '#deals';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, record, type SpecEvent } from '#projections/testing';
import type { RetrospectiveEvent } from '../../domain/index.js';
import { retrospectivesProjection } from './retrospective.projection.js';
import { closureKey, RetrospectivesReader } from './retrospectives.reader.js';

type Consumed = RetrospectiveEvent | DealWon | DealLost | DealReopened;
const spec = projectionSpec<Consumed>(retrospectivesProjection);

const metadata = { actor: 'sales-user', team: 'SALES', recordedAt: '2026-03-12T10:00:00.000Z', correlationId: 'c', causationId: 'c' };
const inRetro = (id: string, event: RetrospectiveEvent): SpecEvent<Consumed> => ({ ...event, stream: `retrospective-${id}`, metadata });
const inDeal = (id: string, event: DealWon | DealLost | DealReopened): SpecEvent<Consumed> => ({ ...event, stream: `deal-${id}`, metadata });

const opened = (id: string, dealId = 'd1', closure = 1, openedAt = '2026-03-12T10:00:00.000Z') =>
  inRetro(id, {
    type: 'RetrospectiveOpened',
    data: { retrospectiveId: id, dealId, closure, outcome: 'LOST', closedAt: '2026-03-10T17:00:00.000Z', openedAt },
  });
const filed = (id: string, team: 'MARKETING' | 'SALES', reasonCodes: string[], notes: string | null = null) =>
  inRetro(id, {
    type: 'PerspectiveFiled',
    data: { retrospectiveId: id, team, author: `${team.toLowerCase()}-user`, reasonCodes, notes, filedAt: '2026-03-12T11:00:00.000Z' },
  });
const itemAdded = (id: string, actionItemId: string, description: string) =>
  inRetro(id, {
    type: 'ActionItemAdded',
    data: { retrospectiveId: id, actionItemId, ownerTeam: 'MARKETING', description, dueDate: '2026-04-01', addedBy: 'm', addedAt: '2026-03-12T12:00:00.000Z' },
  });
const itemCompleted = (id: string, actionItemId: string) =>
  inRetro(id, {
    type: 'ActionItemCompleted',
    data: { retrospectiveId: id, actionItemId, completedBy: 's', completedAt: '2026-03-20T09:00:00.000Z' },
  });
const concluded = (id: string, agreedReasonCodes: string[]) =>
  inRetro(id, {
    type: 'RetrospectiveConcluded',
    data: { retrospectiveId: id, agreedReasonCodes, summary: 'Priced out', concludedBy: 'revops-user', concludedAt: '2026-03-21T09:00:00.000Z' },
  });
const won = (dealId: string, closure: number, closedAt: string) =>
  inDeal(dealId, { type: 'DealWon', data: { dealId, closure, amountMinor: 100, closedAt, fromStage: 'PROPOSAL' } });
const lost = (dealId: string, closure: number, closedAt: string) =>
  inDeal(dealId, {
    type: 'DealLost',
    data: { dealId, closure, amountMinor: 100, closedAt, reasonCode: 'PRICE_TOO_HIGH', competitor: null, fromStage: 'PROPOSAL' },
  });
const reopened = (dealId: string, closure: number) =>
  inDeal(dealId, { type: 'DealReopened', data: { dealId, closure, stage: 'PROPOSAL', note: null, reopenedAt: '2026-03-15T09:00:00.000Z' } });

const reader = (db: SqliteDatabase) => new RetrospectivesReader(db);

/** Every row of every table the projection writes, for comparing two databases. */
function dump(db: SqliteDatabase): Record<string, unknown[]> {
  return Object.fromEntries(
    ['retro_retrospectives', 'retro_perspectives', 'retro_perspective_reasons', 'retro_action_items', 'retro_agreed_reasons', 'retro_deal_closures'].map(
      (table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()],
    ),
  );
}

describe('retrospectives projection', () => {
  it('opens an OPEN retrospective at version 0, with nothing filed', () => {
    expect(spec.given().when(opened('r1')).then((db) => reader(db).byId('r1'))).toEqual({
      id: 'r1',
      dealId: 'd1',
      closure: 1,
      outcome: 'LOST',
      status: 'OPEN',
      perspectives: [],
      agreedReasonCodes: [],
      summary: null,
      actionItems: [],
      openedAt: '2026-03-12T10:00:00.000Z',
      concludedAt: null,
      version: 0,
    });
  });

  it('keeps one perspective per team, MARKETING first, its reasons in the order filed; filing again replaces it', () => {
    const retro = spec
      .given(opened('r1'), filed('r1', 'SALES', ['BAD_TIMING', 'PRICE_TOO_HIGH']), filed('r1', 'MARKETING', ['NO_DECISION', 'BAD_TIMING', 'CHAMPION_LEFT']))
      .when(filed('r1', 'MARKETING', ['PRICE_TOO_HIGH'], 'Shorter now'))
      .then((db) => reader(db).byId('r1'));
    expect(retro?.version).toBe(3);
    expect(retro?.perspectives).toEqual([
      { team: 'MARKETING', author: 'marketing-user', notes: 'Shorter now', filedAt: '2026-03-12T11:00:00.000Z', reasonCodes: ['PRICE_TOO_HIGH'] },
      { team: 'SALES', author: 'sales-user', notes: null, filedAt: '2026-03-12T11:00:00.000Z', reasonCodes: ['BAD_TIMING', 'PRICE_TOO_HIGH'] },
    ]);
  });

  it('lists action items in the order added and marks a completed one', () => {
    const retro = spec
      .given(opened('r1'), itemAdded('r1', 'i2', 'Second by id, first added'), itemAdded('r1', 'i1', 'Added later'))
      .when(itemCompleted('r1', 'i1'))
      .then((db) => reader(db).byId('r1'));
    expect(retro?.actionItems).toEqual([
      { id: 'i2', ownerTeam: 'MARKETING', description: 'Second by id, first added', dueDate: '2026-04-01', completedAt: null },
      { id: 'i1', ownerTeam: 'MARKETING', description: 'Added later', dueDate: '2026-04-01', completedAt: '2026-03-20T09:00:00.000Z' },
    ]);
  });

  it('concludes with the agreed reasons in order, the summary and the time', () => {
    const retro = spec
      .given(opened('r1'), filed('r1', 'SALES', ['BAD_TIMING']), filed('r1', 'MARKETING', ['BAD_TIMING']))
      .when(concluded('r1', ['PRICE_TOO_HIGH', 'BAD_TIMING']))
      .then((db) => reader(db).byId('r1'));
    expect(retro).toMatchObject({
      status: 'CONCLUDED',
      summary: 'Priced out',
      concludedAt: '2026-03-21T09:00:00.000Z',
      agreedReasonCodes: ['PRICE_TOO_HIGH', 'BAD_TIMING'],
      version: 3,
    });
  });

  it('changes nothing when the same events are applied again', () => {
    const history = [
      opened('r1'),
      filed('r1', 'SALES', ['BAD_TIMING', 'PRICE_TOO_HIGH']),
      filed('r1', 'MARKETING', ['BAD_TIMING']),
      itemAdded('r1', 'i1', 'Pricing FAQ'),
      itemCompleted('r1', 'i1'),
      concluded('r1', ['BAD_TIMING']),
      lost('d1', 1, '2026-03-10T17:00:00.000Z'),
      reopened('d1', 1),
      won('d1', 2, '2026-03-16T17:00:00.000Z'),
    ];
    const once = spec.given(...history).then(dump);
    const twice = spec.given(...history).then((db) => {
      // The same recorded events (same streams and revisions), as a runner would redeliver them.
      for (const event of record(history)) retrospectivesProjection.handle(event, db);
      return dump(db);
    });
    expect(twice).toEqual(once);
    expect(once['retro_perspective_reasons']).toHaveLength(3);
  });

  it('does not let a late redelivery of an earlier filing overwrite a later one', () => {
    const history = [opened('r1'), filed('r1', 'SALES', ['BAD_TIMING']), filed('r1', 'SALES', ['PRICE_TOO_HIGH'])];
    const retro = spec.given(...history).then((db) => {
      const [, first] = record(history);
      retrospectivesProjection.handle(first!, db);
      return reader(db).byId('r1');
    });
    expect(retro?.perspectives[0]?.reasonCodes).toEqual(['PRICE_TOO_HIGH']);
    expect(retro?.version).toBe(2);
  });

  describe('deal closures and the pending list', () => {
    it('lists deals now WON or LOST oldest closedAt first, and drops one whose closure has a concluded retrospective', () => {
      const pending = spec
        .given(
          won('late', 1, '2026-03-09T00:00:00.000Z'),
          lost('d1', 1, '2026-03-01T00:00:00.000Z'),
          won('early', 1, '2026-03-05T00:00:00.000Z'),
          lost('still-open-retro', 1, '2026-03-07T00:00:00.000Z'),
          opened('r-open', 'still-open-retro'),
        )
        .when(opened('r1', 'd1'), filed('r1', 'SALES', ['X1']), filed('r1', 'MARKETING', ['X1']), concluded('r1', ['X1']))
        .then((db) => reader(db).pendingDealIds(50));
      expect(pending).toEqual(['early', 'still-open-retro', 'late']);
    });

    it('takes a reopened deal off the list, and puts it back at its new closure, which a concluded earlier retrospective does not cover', () => {
      const base = [lost('d1', 1, '2026-03-01T00:00:00.000Z'), opened('r1', 'd1', 1), filed('r1', 'SALES', ['X']), filed('r1', 'MARKETING', ['X']), concluded('r1', ['X'])];
      expect(spec.given(...base).when(reopened('d1', 1)).then((db) => reader(db).pendingDealIds(50))).toEqual([]);
      const reclosed = spec.given(...base, reopened('d1', 1)).when(won('d1', 2, '2026-03-20T00:00:00.000Z'));
      expect(reclosed.then((db) => reader(db).pendingDealIds(50))).toEqual(['d1']);
      expect(reclosed.then((db) => db.prepare(`SELECT closure, outcome, status, closed_at FROM retro_deal_closures`).all())).toEqual([
        { closure: 2, outcome: 'WON', status: 'WON', closed_at: '2026-03-20T00:00:00.000Z' },
      ]);
    });

    it('honours the page size', () => {
      const pending = spec
        .given(won('a', 1, '2026-03-01T00:00:00.000Z'), won('b', 1, '2026-03-02T00:00:00.000Z'), won('c', 1, '2026-03-03T00:00:00.000Z'))
        .then((db) => reader(db).pendingDealIds(2));
      expect(pending).toEqual(['a', 'b']);
    });
  });

  describe('reader', () => {
    it('finds retrospectives by deal closure, keys without one absent', () => {
      const found = spec
        .given(opened('r1', 'd1', 1), opened('r2', 'd1', 2), opened('r3', 'd2', 1))
        .then((db) => reader(db).byDealClosures([closureKey('d1', 2), closureKey('d2', 1), closureKey('d3', 1)]));
      expect([...found.entries()].map(([key, row]) => [key, row.id]).sort()).toEqual([
        [closureKey('d1', 2), 'r2'],
        [closureKey('d2', 1), 'r3'],
      ]);
    });

    it('pages by opening time with a cursor and a count, optionally by status', () => {
      const history = [
        opened('r1', 'd1', 1, '2026-03-01T00:00:00.000Z'),
        opened('r2', 'd2', 1, '2026-03-02T00:00:00.000Z'),
        opened('r3', 'd3', 1, '2026-03-03T00:00:00.000Z'),
        filed('r2', 'SALES', ['X']),
        filed('r2', 'MARKETING', ['X']),
        concluded('r2', ['X']),
      ];
      spec.given(...history).then((db) => {
        const first = reader(db).page(null, 2);
        expect(first.edges.map((edge) => edge.node.id)).toEqual(['r1', 'r2']);
        expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
        const second = reader(db).page(null, 2, first.pageInfo.endCursor);
        expect(second.edges.map((edge) => edge.node.id)).toEqual(['r3']);
        expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0]?.cursor });
        const open = reader(db).page('OPEN', 10);
        expect([open.totalCount, open.edges.map((edge) => edge.node.id)]).toEqual([2, ['r1', 'r3']]);
      });
    });
  });
});
