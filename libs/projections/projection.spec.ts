import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { defineProjection } from './projection.js';
import { knownSinceMs } from './metadata.js';
import { projectionSpec, record } from './testing/index.js';

type ItemAdded = { readonly type: 'ItemAdded'; readonly data: { readonly basketId: string; readonly sku: string } };
type ItemRemoved = { readonly type: 'ItemRemoved'; readonly data: { readonly basketId: string; readonly sku: string } };
type BasketEvent = ItemAdded | ItemRemoved;

const baskets = defineProjection<BasketEvent>({
  name: 'baskets',
  version: 1,
  tables: ['basket_items'],
  setup(db) {
    db.prepare(
      `CREATE TABLE IF NOT EXISTS basket_items (
        basket_id TEXT NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        last_position TEXT NOT NULL,
        PRIMARY KEY (basket_id, sku)
      )`,
    ).run();
  },
  handlers: {
    ItemAdded(event, db) {
      db.prepare(
        `INSERT INTO basket_items (basket_id, sku, quantity, last_position) VALUES (?, ?, 1, ?)
         ON CONFLICT (basket_id, sku) DO UPDATE SET quantity = quantity + 1, last_position = excluded.last_position`,
      ).run(event.data.basketId, event.data.sku, event.position);
    },
    ItemRemoved(event, db) {
      db.prepare('UPDATE basket_items SET quantity = quantity - 1, last_position = ? WHERE basket_id = ? AND sku = ?').run(
        event.position,
        event.data.basketId,
        event.data.sku,
      );
    },
  },
});

const itemsOf = (basketId: string) => (db: SqliteDatabase) =>
  db.prepare('SELECT sku, quantity, last_position AS lastPosition FROM basket_items WHERE basket_id = ? ORDER BY sku').all(basketId);

describe('defineProjection', () => {
  it('consumes exactly the event types it has handlers for', () => {
    expect([...baskets.eventTypes].sort()).toEqual(['ItemAdded', 'ItemRemoved']);
  });

  it('resets by dropping its tables, so that setup creates them anew', () => {
    // Given a set-up projection with a row
    const db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    baskets.setup(db);
    db.prepare(`INSERT INTO basket_items VALUES ('b', 'sku', 1, '1')`).run();

    // When it is reset
    baskets.reset(db);

    // Then its table is gone, and reset can run again on nothing
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'basket_items'`).all()).toEqual([]);
    expect(() => baskets.reset(db)).not.toThrow();
    db.close();
  });

  it('refuses an event it has no handler for', () => {
    const db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    baskets.setup(db);
    const stray = { id: randomUUID(), type: 'BasketShared', data: {}, metadata: {}, stream: 's', revision: 0, position: '1' as never };

    expect(() => baskets.handle(stray, db)).toThrow('Projection "baskets" has no handler for BasketShared');
    db.close();
  });
});

describe('projectionSpec', () => {
  it('applies the given and when events in order, numbering them as a fresh log would', () => {
    const basketId = randomUUID();

    const rows = projectionSpec<BasketEvent>(baskets)
      .given(
        { type: 'ItemAdded', data: { basketId, sku: 'tea' } },
        { type: 'ItemAdded', data: { basketId, sku: 'tea' } },
        { type: 'ItemAdded', data: { basketId, sku: 'cup' } },
      )
      .when({ type: 'ItemRemoved', data: { basketId, sku: 'tea' } })
      .then(itemsOf(basketId));

    expect(rows).toEqual([
      { sku: 'cup', quantity: 1, lastPosition: '3' },
      { sku: 'tea', quantity: 1, lastPosition: '4' },
    ]);
  });

  it('skips events the projection does not consume, as the store would', () => {
    const basketId = randomUUID();

    const rows = projectionSpec(baskets)
      .given({ type: 'ItemAdded', data: { basketId, sku: 'tea' } })
      .when({ type: 'BasketShared', data: { basketId } })
      .then(itemsOf(basketId));

    expect(rows).toEqual([{ sku: 'tea', quantity: 1, lastPosition: '1' }]);
  });

  it('numbers revisions per stream and positions across streams', () => {
    const events = record([
      { type: 'ItemAdded', data: {}, stream: 'a' },
      { type: 'ItemAdded', data: {}, stream: 'b' },
      { type: 'ItemAdded', data: {}, stream: 'a', metadata: { by: 'x' } },
    ]);

    expect(events.map(({ stream, revision, position, metadata }) => ({ stream, revision, position, metadata }))).toEqual([
      { stream: 'a', revision: 0, position: '1', metadata: {} },
      { stream: 'b', revision: 0, position: '2', metadata: {} },
      { stream: 'a', revision: 1, position: '3', metadata: { by: 'x' } },
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
  });
});

describe('knownSinceMs', () => {
  const stamped = (recordedAt: string) => ({ metadata: { recordedAt } });

  it('is the recordedAt of the first event of a stream', () => {
    expect(knownSinceMs(stamped('2026-03-01T10:00:00.000Z'), null)).toBe(Date.parse('2026-03-01T10:00:00.000Z'));
  });

  it('is never before the moment the previous revision became known', () => {
    const previous = Date.parse('2026-03-01T10:00:00.000Z');
    expect(knownSinceMs(stamped('2026-03-01T09:00:00.000Z'), previous)).toBe(previous);
    expect(knownSinceMs(stamped('2026-03-01T11:00:00.000Z'), previous)).toBe(Date.parse('2026-03-01T11:00:00.000Z'));
  });
});
