import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { countStatementRuns, record, type SpecEvent } from '#projections/testing';
import { AnswerCache } from '#projections';
import type { DealEvent } from '../../domain/index.js';
import { dealsProjection } from './deal.projection.js';
import { DealsReader, type DealRow } from './deals.reader.js';

describe('DealsReader on a real SQLite read model', () => {
  let db: SqliteDatabase;
  let reader: DealsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    dealsProjection.setup(db);
    reader = new DealsReader(db, AnswerCache.disabled());
  });
  afterEach(() => {
    db.close();
  });

  const project = (...events: SpecEvent<DealEvent>[]) => {
    db.transaction(() => {
      for (const event of record(events)) dealsProjection.handle(event, db);
    })();
  };

  const open = (dealId: string, openedAt: string, segment: string | null = null): SpecEvent<DealEvent> => ({
    type: 'DealOpened',
    stream: `deal-${dealId}`,
    metadata: { actor: 'sales-user', team: 'SALES', recordedAt: '2026-03-01T00:00:00.000Z' },
    data: {
      dealId,
      title: `Deal ${dealId}`,
      account: 'Acme',
      segment,
      source: 'SALES',
      owner: 'Dana',
      amountMinor: 100_050,
      currency: 'USD',
      expectedCloseDate: null,
      openedAt,
    },
  });
  const win = (dealId: string): SpecEvent<DealEvent> => ({
    type: 'DealWon',
    stream: `deal-${dealId}`,
    data: { dealId, closure: 1, amountMinor: 200_000, closedAt: '2026-03-20T00:00:00.000Z', fromStage: 'QUALIFICATION' },
  });

  it('reads a deal with its amount in exact decimals of its currency', () => {
    project(open('d1', '2026-03-01T10:00:00.000Z', 'Enterprise'));
    const expected: DealRow = {
      id: 'd1',
      title: 'Deal d1',
      account: 'Acme',
      segment: 'Enterprise',
      source: 'SALES',
      owner: 'Dana',
      stage: 'QUALIFICATION',
      status: 'OPEN',
      amount: '1000.50',
      currency: 'USD',
      expectedCloseDate: null,
      openedAt: '2026-03-01T10:00:00.000Z',
      closedAt: null,
      lossReasonCode: null,
      competitor: null,
      closures: 0,
      version: 0,
    };
    expect(reader.byId('d1')).toEqual(expected);
    expect(reader.byId('missing')).toBeNull();
  });

  it('reads any number of deals by id in one query, leaving unknown ids out', () => {
    const ids = Array.from({ length: 250 }, () => randomUUID());
    project(...ids.map((id, index) => open(id, new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString())));
    const statements = countStatementRuns(db);
    const found = reader.byIds([...ids, 'unknown', ids[0]!]);
    statements.stop();
    expect(statements.runs()).toBe(1);
    expect(found.size).toBe(250);
    expect(found.has('unknown')).toBe(false);
    expect(found.get(ids[7]!)?.id).toBe(ids[7]);
  });

  it('pages through every deal oldest opening first, ties by id, with totalCount', () => {
    // Two deals share an opening instant: the id breaks the tie so that no page skips one.
    project(
      open('c', '2026-03-02T00:00:00.000Z'),
      open('a', '2026-03-01T00:00:00.000Z'),
      open('e', '2026-03-03T00:00:00.000Z'),
      open('b', '2026-03-02T00:00:00.000Z'),
      open('d', '2026-03-04T00:00:00.000Z'),
    );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = reader.page({}, 2, after);
      pages += 1;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) {
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(pages).toBe(3);
  });

  it('filters by status and segment, counting only what matches', () => {
    project(
      open('x1', '2026-03-01T00:00:00.000Z', 'SMB'),
      open('x2', '2026-03-02T00:00:00.000Z', 'SMB'),
      open('x3', '2026-03-03T00:00:00.000Z', 'Enterprise'),
      win('x2'),
      win('x3'),
    );
    const ids = (filter: Parameters<DealsReader['page']>[0]) => reader.page(filter, 10).edges.map((edge) => edge.node.id);
    expect(ids({ status: 'WON' })).toEqual(['x2', 'x3']);
    expect(ids({ segment: 'SMB' })).toEqual(['x1', 'x2']);
    expect(ids({ status: 'WON', segment: 'SMB' })).toEqual(['x2']);
    expect(reader.page({ status: 'LOST' }, 10)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    expect(reader.page({ status: 'OPEN' }, 10).totalCount).toBe(1);
  });

  it('refuses a cursor it did not issue, naming after', () => {
    expect(() => reader.page({}, 10, 'not-a-cursor')).toThrow(expect.objectContaining({ details: { field: 'after' } }));
    const foreign = Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url');
    expect(() => reader.page({}, 10, foreign)).toThrow(expect.objectContaining({ details: { field: 'after' } }));
  });

  it('reads the touches and the history of many deals in one query each', () => {
    project(
      open('t1', '2026-03-01T00:00:00.000Z'),
      open('t2', '2026-03-01T00:00:00.000Z'),
      {
        type: 'DealTouchRecorded',
        stream: 'deal-t1',
        data: { dealId: 't1', touchId: 'late', team: 'SALES', channel: 'Call', campaign: null, occurredAt: '2026-03-05T00:00:00.000Z' },
      },
      {
        type: 'DealTouchRecorded',
        stream: 'deal-t1',
        data: { dealId: 't1', touchId: 'early', team: 'MARKETING', channel: 'Ad', campaign: 'Q1', occurredAt: '2026-02-05T00:00:00.000Z' },
      },
    );
    const touches = reader.touchesOf(['t1', 't2']);
    expect(touches.get('t1')?.map((touch) => touch.id)).toEqual(['early', 'late']);
    expect(touches.has('t2')).toBe(false);
    const history = reader.historyOf(['t1', 't2']);
    expect(history.get('t1')?.map((entry) => [entry.revision, entry.type])).toEqual([
      [0, 'DealOpened'],
      [1, 'DealTouchRecorded'],
      [2, 'DealTouchRecorded'],
    ]);
    expect(history.get('t2')?.map((entry) => entry.type)).toEqual(['DealOpened']);
  });
});
