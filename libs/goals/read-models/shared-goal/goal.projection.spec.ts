import { describe, expect, it } from '@jest/globals';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, record, type SpecEvent } from '#projections/testing';
import type { GoalEvent } from '../../domain/index.js';
import { GOAL_ENDORSEMENTS_TABLE, GOAL_TARGET_HISTORY_TABLE, GOALS_TABLE, goalsProjection } from './goal.projection.js';

const spec = projectionSpec<GoalEvent>(goalsProjection);
const STREAM = 'goal-g1';

let clock = Date.parse('2026-03-01T10:00:00Z');
/** An event of goal g1 as the command layer records it: at a later server time each. */
function recorded(event: GoalEvent, team = 'EXECUTIVE'): SpecEvent<GoalEvent> {
  clock += 60_000;
  return {
    ...event,
    stream: STREAM,
    metadata: { actor: 'someone', team, recordedAt: new Date(clock).toISOString(), correlationId: 'c', causationId: 'c' },
  };
}
const recordedAtOf = (event: SpecEvent<GoalEvent>): string => String(event.metadata?.['recordedAt']);

const proposed = recorded({
  type: 'SharedGoalProposed',
  data: {
    goalId: 'g1',
    name: 'Q2 new business',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    targetMinor: 50_000_000,
    currency: 'USD',
    segment: 'Enterprise',
    proposedBy: 'exec',
    proposedAt: '2026-03-01T10:01:00.000Z',
  },
});
const marketingEndorsed = recorded(
  { type: 'SharedGoalEndorsed', data: { goalId: 'g1', team: 'MARKETING', by: 'marketing-lead', at: '2026-03-01T10:02:00.000Z' } },
  'MARKETING',
);
const salesEndorsed = recorded(
  { type: 'SharedGoalEndorsed', data: { goalId: 'g1', team: 'SALES', by: 'sales-lead', at: '2026-03-01T10:03:00.000Z' } },
  'SALES',
);
const activated = recorded({ type: 'SharedGoalActivated', data: { goalId: 'g1', at: '2026-03-01T10:03:00.000Z' } }, 'SALES');
const revised = recorded(
  {
    type: 'SharedGoalTargetRevised',
    data: {
      goalId: 'g1',
      fromMinor: 50_000_000,
      toMinor: 60_000_050,
      reason: 'Board raised the bar',
      by: 'revops',
      at: '2026-03-01T10:05:00.000Z',
      clearedEndorsements: ['MARKETING', 'SALES'],
    },
  },
  'REVOPS',
);
const closed = recorded({ type: 'SharedGoalClosed', data: { goalId: 'g1', by: 'exec', at: '2026-03-01T10:06:00.000Z' } });

const goal = (db: SqliteDatabase) => db.prepare(`SELECT * FROM ${GOALS_TABLE} WHERE id = 'g1'`).get();
const endorsements = (db: SqliteDatabase) =>
  db.prepare(`SELECT team, endorsed_by, endorsed_at FROM ${GOAL_ENDORSEMENTS_TABLE} WHERE goal_id = 'g1' ORDER BY team`).all();
const history = (db: SqliteDatabase) =>
  db
    .prepare(
      `SELECT from_minor, to_minor, reason, changed_by, recorded_at FROM ${GOAL_TARGET_HISTORY_TABLE}
       WHERE goal_id = 'g1' ORDER BY revision`,
    )
    .all();

describe('the shared goals projection', () => {
  it('projects a proposal as a PROPOSED goal at version 0 whose first target comes from nowhere', () => {
    const db = spec.given().when(proposed);
    expect(db.then(goal)).toEqual({
      id: 'g1',
      name: 'Q2 new business',
      period_start: '2026-04-01',
      period_end: '2026-06-30',
      target_minor: 50_000_000,
      currency: 'USD',
      segment: 'Enterprise',
      status: 'PROPOSED',
      proposed_at: '2026-03-01T10:01:00.000Z',
      closed_at: null,
      version: 0,
    });
    expect(db.then(endorsements)).toEqual([]);
    expect(db.then(history)).toEqual([
      { from_minor: null, to_minor: 50_000_000, reason: null, changed_by: 'exec', recorded_at: recordedAtOf(proposed) },
    ]);
  });

  it('keeps one endorsement per team and turns ACTIVE when both teams signed', () => {
    const db = spec.given(proposed).when(marketingEndorsed, salesEndorsed, activated);
    expect(db.then(goal)).toMatchObject({ status: 'ACTIVE', version: 3 });
    expect(db.then(endorsements)).toEqual([
      { team: 'MARKETING', endorsed_by: 'marketing-lead', endorsed_at: '2026-03-01T10:02:00.000Z' },
      { team: 'SALES', endorsed_by: 'sales-lead', endorsed_at: '2026-03-01T10:03:00.000Z' },
    ]);
  });

  it('stays PROPOSED with one endorsement', () => {
    const db = spec.given(proposed).when(marketingEndorsed);
    expect(db.then(goal)).toMatchObject({ status: 'PROPOSED', version: 1 });
    expect(db.then(endorsements)).toEqual([expect.objectContaining({ team: 'MARKETING' })]);
  });

  it('returns a revised goal to PROPOSED with the new target, clears its endorsements and records the revision', () => {
    const db = spec.given(proposed, marketingEndorsed, salesEndorsed, activated).when(revised);
    expect(db.then(goal)).toMatchObject({ status: 'PROPOSED', target_minor: 60_000_050, version: 4 });
    expect(db.then(endorsements)).toEqual([]);
    expect(db.then(history)).toEqual([
      { from_minor: null, to_minor: 50_000_000, reason: null, changed_by: 'exec', recorded_at: recordedAtOf(proposed) },
      { from_minor: 50_000_000, to_minor: 60_000_050, reason: 'Board raised the bar', changed_by: 'revops', recorded_at: recordedAtOf(revised) },
    ]);
  });

  it('keeps the target history ordered by revision with each entry’s server recording time in milliseconds', () => {
    const rows = spec
      .given(proposed, revised)
      .then((db) => db.prepare(`SELECT recorded_at, recorded_at_ms FROM ${GOAL_TARGET_HISTORY_TABLE} ORDER BY revision`).all()) as {
      recorded_at: string;
      recorded_at_ms: number;
    }[];
    expect(rows.map((row) => row.recorded_at_ms)).toEqual(rows.map((row) => Date.parse(row.recorded_at)));
    expect(rows[0]!.recorded_at_ms).toBeLessThan(rows[1]!.recorded_at_ms);
  });

  it('closes a goal for good', () => {
    expect(spec.given(proposed, marketingEndorsed).when(closed).then(goal)).toMatchObject({
      status: 'CLOSED',
      closed_at: '2026-03-01T10:06:00.000Z',
      version: 2,
    });
  });

  it('changes nothing when any event is applied again, however late', () => {
    const all = [proposed, marketingEndorsed, salesEndorsed, activated, revised, marketingEndorsed, closed];
    const snapshot = (db: SqliteDatabase) => [goal(db), endorsements(db), history(db)];
    const [final, ...afterEachRepeat] = spec.given(...all).then((db) => {
      const states = [snapshot(db)];
      // The same stream revisions again, one at a time: an old activation must not reopen a closed goal.
      record(all.map((event) => ({ ...event, stream: STREAM }))).forEach((event) => {
        goalsProjection.handle(event, db);
        states.push(snapshot(db));
      });
      return states;
    });
    expect(final).toEqual([
      expect.objectContaining({ status: 'CLOSED', target_minor: 60_000_050, version: 6 }),
      [expect.objectContaining({ team: 'MARKETING' })],
      [expect.objectContaining({ to_minor: 50_000_000 }), expect.objectContaining({ to_minor: 60_000_050 })],
    ]);
    for (const state of afterEachRepeat) expect(state).toEqual(final);
  });
});
