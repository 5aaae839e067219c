import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openSqliteDatabase, type SqliteDatabase } from '#sqlite';
import { record, type SpecEvent } from '#projections/testing';
import type { GoalEvent } from '../../domain/index.js';
import { goalsProjection } from './goal.projection.js';
import { GoalsReader } from './goals.reader.js';

const at = (iso: string) => ({ recordedAt: iso });

function proposal(goalId: string, targetMinor: number, recordedAt: string): SpecEvent<GoalEvent> {
  return {
    type: 'SharedGoalProposed',
    stream: `goal-${goalId}`,
    metadata: at(recordedAt),
    data: { goalId, name: goalId, periodStart: '2026-04-01', periodEnd: '2026-06-30', targetMinor, currency: 'USD', segment: null, proposedBy: 'exec', proposedAt: recordedAt },
  };
}

function revision(goalId: string, fromMinor: number, toMinor: number, recordedAt: string): SpecEvent<GoalEvent> {
  return {
    type: 'SharedGoalTargetRevised',
    stream: `goal-${goalId}`,
    metadata: at(recordedAt),
    data: { goalId, fromMinor, toMinor, reason: 'r', by: 'exec', at: recordedAt, clearedEndorsements: [] },
  };
}

describe('GoalsReader', () => {
  let db: SqliteDatabase;
  let reader: GoalsReader;

  beforeEach(() => {
    db = openSqliteDatabase(':memory:', { synchronous: 'NORMAL' });
    goalsProjection.setup(db);
    reader = new GoalsReader(db);
    const log = [
      proposal('a', 100, '2026-03-01T10:00:00.000Z'),
      proposal('b', 500, '2026-03-02T10:00:00.000Z'),
      revision('a', 100, 200, '2026-03-03T10:00:00.000Z'),
      revision('a', 200, 300, '2026-03-04T10:00:00.000Z'),
    ];
    for (const event of record(log)) goalsProjection.handle(event, db);
  });
  afterEach(() => {
    db.close();
  });

  it('gives each goal the target of its latest history entry recorded at or before the instant', () => {
    const targets = (iso: string) => Object.fromEntries(reader.targetsAt(['a', 'b', 'missing'], Date.parse(iso)));
    expect(targets('2026-03-01T09:59:59.999Z')).toEqual({});
    expect(targets('2026-03-01T10:00:00.000Z')).toEqual({ a: 100 });
    expect(targets('2026-03-03T09:59:59.999Z')).toEqual({ a: 100, b: 500 });
    expect(targets('2026-03-03T10:00:00.000Z')).toEqual({ a: 200, b: 500 });
    expect(targets('2030-01-01T00:00:00.000Z')).toEqual({ a: 300, b: 500 });
  });

  it('never lets an older target win because its writer stamped the newer revision earlier', () => {
    // given revision 1 of goal c stamped a minute before its proposal by another writer's clock
    for (const event of record([proposal('c', 100, '2026-03-05T10:00:00.000Z'), revision('c', 100, 250, '2026-03-05T09:59:00.000Z')])) {
      goalsProjection.handle(event, db);
    }
    // then the revision is in force from the proposal's moment on, and stays in force
    expect(reader.targetsAt(['c'], Date.parse('2026-03-05T09:59:30.000Z')).get('c')).toBeUndefined();
    expect(reader.targetsAt(['c'], Date.parse('2026-03-05T10:00:00.000Z')).get('c')).toBe(250);
    expect(reader.targetsAt(['c'], Date.parse('2030-01-01T00:00:00.000Z')).get('c')).toBe(250);
  });

  it('reads goals, histories and endorsements for many ids at once, formatted in the goal’s currency', () => {
    expect([...reader.byIds(['a', 'b', 'missing']).keys()].sort()).toEqual(['a', 'b']);
    expect(reader.byId('a')).toMatchObject({ target: '3.00', status: 'PROPOSED', version: 2 });
    expect(reader.targetHistoryOf(['a', 'b']).get('a')?.map((entry) => [entry.from, entry.to])).toEqual([
      [null, '1.00'],
      ['1.00', '2.00'],
      ['2.00', '3.00'],
    ]);
    expect(reader.endorsementsOf(['a', 'b']).size).toBe(0);
    expect(reader.list(null).map((goal) => goal.id)).toEqual(['a', 'b']);
    expect(reader.list('ACTIVE')).toEqual([]);
  });
});
