import { defineProjection, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { QualificationEvent } from '../../domain/index.js';

export const QUALIFICATION_PROJECTION = 'qualification';
export const QUALIFICATION_TABLE = 'lead_qualification';
export const QUALIFICATION_VERSIONS_TABLE = 'lead_qualification_versions';
export const QUALIFICATION_ENDORSEMENTS_TABLE = 'lead_qualification_endorsements';

/**
 * The qualification agreement as the GraphQL QualificationAgreement shows it: one row for the
 * agreement (the stream's revision, the version in force and its last review), one per version,
 * one per endorsement. The agreement row's `revision` guards every handler: an event at or below
 * it was applied already and changes nothing.
 */
export const qualificationProjection = defineProjection<QualificationEvent>({
  name: QUALIFICATION_PROJECTION,
  version: 1,
  tables: [QUALIFICATION_TABLE, QUALIFICATION_VERSIONS_TABLE, QUALIFICATION_ENDORSEMENTS_TABLE],
  setup(db) {
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${QUALIFICATION_TABLE} (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL,
        in_force INTEGER,
        last_reviewed_at TEXT
      )`,
    ).run();
    prepared(db, `INSERT INTO ${QUALIFICATION_TABLE} (id, revision) VALUES (1, -1) ON CONFLICT (id) DO NOTHING`).run();
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${QUALIFICATION_VERSIONS_TABLE} (
        version INTEGER PRIMARY KEY,
        status TEXT NOT NULL,
        criteria TEXT NOT NULL,
        minimum_met INTEGER NOT NULL,
        respond_within_hours INTEGER NOT NULL,
        review_every_days INTEGER NOT NULL,
        proposed_by TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        activated_at TEXT,
        superseded_at TEXT
      )`,
    ).run();
    prepared(
      db,
      `CREATE TABLE IF NOT EXISTS ${QUALIFICATION_ENDORSEMENTS_TABLE} (
        version INTEGER NOT NULL,
        team TEXT NOT NULL,
        endorsed_by TEXT NOT NULL,
        endorsed_at TEXT NOT NULL,
        PRIMARY KEY (version, team)
      )`,
    ).run();
  },
  handlers: {
    QualificationProposed(event, db) {
      if (!advance(db, event)) return;
      const d = event.data;
      if (d.withdraws !== null) setStatus(db, d.withdraws, 'WITHDRAWN');
      prepared(
        db,
        `INSERT INTO ${QUALIFICATION_VERSIONS_TABLE}
           (version, status, criteria, minimum_met, respond_within_hours, review_every_days, proposed_by, proposed_at)
         VALUES (?, 'PROPOSED', ?, ?, ?, ?, ?, ?)`,
      ).run(d.version, JSON.stringify(d.criteria), d.minimumMet, d.respondWithinHours, d.reviewEveryDays, d.proposedBy, d.proposedAt);
    },
    QualificationEndorsed(event, db) {
      if (!advance(db, event)) return;
      const { version, team, by, at } = event.data;
      prepared(
        db,
        `INSERT INTO ${QUALIFICATION_ENDORSEMENTS_TABLE} (version, team, endorsed_by, endorsed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (version, team) DO UPDATE SET endorsed_by = excluded.endorsed_by, endorsed_at = excluded.endorsed_at`,
      ).run(version, team, by, at);
    },
    QualificationActivated(event, db) {
      if (!advance(db, event)) return;
      const { version, at, supersedes } = event.data;
      if (supersedes !== null) {
        prepared(db, `UPDATE ${QUALIFICATION_VERSIONS_TABLE} SET status = 'SUPERSEDED', superseded_at = ? WHERE version = ?`).run(at, supersedes);
      }
      prepared(db, `UPDATE ${QUALIFICATION_VERSIONS_TABLE} SET status = 'ACTIVE', activated_at = ? WHERE version = ?`).run(at, version);
      // A review belongs to the version it reviewed: the new one has none yet.
      prepared(db, `UPDATE ${QUALIFICATION_TABLE} SET in_force = ?, last_reviewed_at = NULL WHERE id = 1`).run(version);
    },
    QualificationReviewed(event, db) {
      if (!advance(db, event)) return;
      prepared(db, `UPDATE ${QUALIFICATION_TABLE} SET last_reviewed_at = ? WHERE id = 1 AND in_force = ?`).run(event.data.at, event.data.version);
    },
  },
});

/** Takes the event's revision; false when the read model already includes it. */
function advance(db: SqliteDatabase, event: Recorded<QualificationEvent>): boolean {
  return prepared(db, `UPDATE ${QUALIFICATION_TABLE} SET revision = ? WHERE id = 1 AND revision < ?`).run(event.revision, event.revision).changes > 0;
}

function setStatus(db: SqliteDatabase, version: number, status: string): void {
  prepared(db, `UPDATE ${QUALIFICATION_VERSIONS_TABLE} SET status = ? WHERE version = ?`).run(status, version);
}
