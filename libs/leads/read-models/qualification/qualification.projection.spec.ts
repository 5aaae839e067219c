import { describe, expect, it } from '@jest/globals';
import type { SqliteDatabase } from '#sqlite';
import { projectionSpec, record, type SpecEvent } from '#projections/testing';
import type { QualificationEvent, QualificationTerms } from '../../domain/index.js';
import { QUALIFICATION_ENDORSEMENTS_TABLE, QUALIFICATION_TABLE, QUALIFICATION_VERSIONS_TABLE, qualificationProjection } from './qualification.projection.js';
import { reviewDue } from './qualification.reader.js';

const spec = projectionSpec<QualificationEvent>(qualificationProjection);
const STREAM = 'qualification';

const terms: QualificationTerms = {
  criteria: [{ code: 'BUDGET', description: 'Has a budget', required: true }],
  minimumMet: 1,
  respondWithinHours: 24,
  reviewEveryDays: 30,
};
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const event = (e: QualificationEvent): SpecEvent<QualificationEvent> => ({ ...e, stream: STREAM });
const proposed = (version: number, day: number, withdraws: number | null = null) =>
  event({ type: 'QualificationProposed', data: { version, ...terms, proposedBy: 'revops', proposedAt: at(day), withdraws } });
const endorsed = (version: number, team: 'MARKETING' | 'SALES', day: number) =>
  event({ type: 'QualificationEndorsed', data: { version, team, by: `${team.toLowerCase()}-lead`, at: at(day) } });
const activated = (version: number, day: number, supersedes: number | null = null) =>
  event({ type: 'QualificationActivated', data: { version, at: at(day), supersedes } });
const reviewed = (version: number, day: number) => event({ type: 'QualificationReviewed', data: { version, note: null, by: 'revops', at: at(day) } });

const agreement = (db: SqliteDatabase) => db.prepare(`SELECT revision, in_force, last_reviewed_at FROM ${QUALIFICATION_TABLE}`).get();
const versions = (db: SqliteDatabase) => db.prepare(`SELECT version, status, activated_at, superseded_at FROM ${QUALIFICATION_VERSIONS_TABLE} ORDER BY version`).all();
const endorsements = (db: SqliteDatabase) => db.prepare(`SELECT version, team FROM ${QUALIFICATION_ENDORSEMENTS_TABLE} ORDER BY version, team`).all();

const firstInForce = [proposed(1, 1), endorsed(1, 'MARKETING', 2), endorsed(1, 'SALES', 2), activated(1, 2)];

describe('the qualification projection', () => {
  it('holds no version and revision -1 before the first proposal', () => {
    expect(spec.given().then(agreement)).toEqual({ revision: -1, in_force: null, last_reviewed_at: null });
  });

  it('keeps a proposal PROPOSED with its terms until both leads sign it, then in force', () => {
    expect(spec.given(proposed(1, 1), endorsed(1, 'SALES', 2)).then(versions)).toEqual([
      { version: 1, status: 'PROPOSED', activated_at: null, superseded_at: null },
    ]);
    const db = spec.given(...firstInForce);
    expect(db.then(versions)).toEqual([{ version: 1, status: 'ACTIVE', activated_at: at(2), superseded_at: null }]);
    expect(db.then(endorsements)).toEqual([
      { version: 1, team: 'MARKETING' },
      { version: 1, team: 'SALES' },
    ]);
    expect(db.then(agreement)).toEqual({ revision: 3, in_force: 1, last_reviewed_at: null });
    expect(db.then((d) => JSON.parse(String(d.prepare(`SELECT criteria FROM ${QUALIFICATION_VERSIONS_TABLE}`).pluck().get())))).toEqual(terms.criteria);
  });

  it('supersedes the version in force, withdraws an unsigned one, and keeps a review to the version it reviewed', () => {
    const db = spec.given(...firstInForce, reviewed(1, 10), proposed(2, 11), proposed(3, 12, 2), endorsed(3, 'SALES', 13), endorsed(3, 'MARKETING', 14));
    expect(db.then(agreement)).toEqual({ revision: 8, in_force: 1, last_reviewed_at: at(10) });
    const after = spec
      .given(...firstInForce, reviewed(1, 10), proposed(2, 11), proposed(3, 12, 2), endorsed(3, 'SALES', 13), endorsed(3, 'MARKETING', 14))
      .when(activated(3, 14, 1));
    expect(after.then(versions)).toEqual([
      { version: 1, status: 'SUPERSEDED', activated_at: at(2), superseded_at: at(14) },
      { version: 2, status: 'WITHDRAWN', activated_at: null, superseded_at: null },
      { version: 3, status: 'ACTIVE', activated_at: at(14), superseded_at: null },
    ]);
    expect(after.then(agreement)).toEqual({ revision: 9, in_force: 3, last_reviewed_at: null });
  });

  it('changes nothing when events are applied again', () => {
    const all = [...firstInForce, reviewed(1, 10), proposed(2, 11)];
    const snapshot = (db: SqliteDatabase) => [agreement(db), versions(db), endorsements(db)];
    const [once, again] = spec.given(...all).then((db) => {
      const first = snapshot(db);
      for (const recorded of record(all)) qualificationProjection.handle(recorded, db);
      return [first, snapshot(db)];
    });
    expect(again).toEqual(once);
  });
});

describe('reviewDue', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const activatedAt = at(1);
  it.each<[string, string | null, number, boolean]>([
    ['exactly reviewEveryDays after activation', null, Date.parse(activatedAt) + 30 * DAY, false],
    ['a millisecond past reviewEveryDays after activation', null, Date.parse(activatedAt) + 30 * DAY + 1, true],
    ['a millisecond past reviewEveryDays, counted from the last review', at(20), Date.parse(at(20)) + 30 * DAY + 1, true],
    ['within reviewEveryDays of the last review', at(20), Date.parse(activatedAt) + 40 * DAY, false],
  ])('is %s: %s', (_when, lastReviewedAt, nowMs, due) => {
    expect(reviewDue({ activatedAt, reviewEveryDays: 30 }, lastReviewedAt, nowMs)).toBe(due);
  });
});
