import { defineProjection, type Recorded } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { DealLost, DealReopened, DealWon } from '#deals';
import type { RetrospectiveEvent } from '../../domain/index.js';

export const RETROSPECTIVES_PROJECTION = 'retrospectives';
export const RETROSPECTIVES_TABLE = 'retro_retrospectives';
export const PERSPECTIVES_TABLE = 'retro_perspectives';
export const PERSPECTIVE_REASONS_TABLE = 'retro_perspective_reasons';
export const ACTION_ITEMS_TABLE = 'retro_action_items';
export const AGREED_REASONS_TABLE = 'retro_agreed_reasons';
/** Each deal's latest closure, and whether the deal still stands at it (WON, LOST) or was reopened (OPEN). */
export const DEAL_CLOSURES_TABLE = 'retro_deal_closures';

type ConsumedEvent = RetrospectiveEvent | DealWon | DealLost | DealReopened;

/**
 * Retrospectives as the GraphQL Retrospective shows them, plus the deals' closures, so that the
 * pending list is one query over this projection's own tables.
 *
 * Every write is keyed by the event's stream revision: a retrospective row (or a deal's closure
 * row) takes only events newer than the revision it holds, so applying an event again changes
 * nothing, and a rebuild from the log gives the same rows.
 */
export const retrospectivesProjection = defineProjection<ConsumedEvent>({
  name: RETROSPECTIVES_PROJECTION,
  version: 1,
  tables: [RETROSPECTIVES_TABLE, PERSPECTIVES_TABLE, PERSPECTIVE_REASONS_TABLE, ACTION_ITEMS_TABLE, AGREED_REASONS_TABLE, DEAL_CLOSURES_TABLE],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${RETROSPECTIVES_TABLE} (
        id TEXT PRIMARY KEY,
        deal_id TEXT NOT NULL,
        closure INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        status TEXT NOT NULL,
        summary TEXT,
        opened_at TEXT NOT NULL,
        concluded_at TEXT,
        version INTEGER NOT NULL
      )`,
    ).run();
    // The list pages by (opened_at, id), optionally within one status; Deal.retrospective and the
    // pending list look a retrospective up by its deal's closure.
    prepared(db, `CREATE INDEX IF NOT EXISTS ${RETROSPECTIVES_TABLE}_by_opening ON ${RETROSPECTIVES_TABLE} (opened_at, id)`).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${RETROSPECTIVES_TABLE}_by_status ON ${RETROSPECTIVES_TABLE} (status, opened_at, id)`).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${RETROSPECTIVES_TABLE}_by_closure ON ${RETROSPECTIVES_TABLE} (deal_id, closure)`).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${PERSPECTIVES_TABLE} (
        retrospective_id TEXT NOT NULL,
        team TEXT NOT NULL,
        author TEXT NOT NULL,
        notes TEXT,
        filed_at TEXT NOT NULL,
        PRIMARY KEY (retrospective_id, team)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${PERSPECTIVE_REASONS_TABLE} (
        retrospective_id TEXT NOT NULL,
        team TEXT NOT NULL,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (retrospective_id, team, position)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${ACTION_ITEMS_TABLE} (
        retrospective_id TEXT NOT NULL,
        id TEXT NOT NULL,
        owner_team TEXT NOT NULL,
        description TEXT NOT NULL,
        due_date TEXT,
        completed_at TEXT,
        added_revision INTEGER NOT NULL,
        PRIMARY KEY (retrospective_id, id)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${AGREED_REASONS_TABLE} (
        retrospective_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (retrospective_id, position)
      )`,
    ).run();
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${DEAL_CLOSURES_TABLE} (
        deal_id TEXT PRIMARY KEY,
        closure INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL
      )`,
    ).run();
    prepared(db, `CREATE INDEX IF NOT EXISTS ${DEAL_CLOSURES_TABLE}_by_closing ON ${DEAL_CLOSURES_TABLE} (status, closed_at, deal_id)`).run();
  },
  handlers: {
    RetrospectiveOpened(event, db) {
      const { retrospectiveId, dealId, closure, outcome, closedAt, openedAt } = event.data;
      prepared(db, 
        `INSERT INTO ${RETROSPECTIVES_TABLE} (id, deal_id, closure, outcome, closed_at, status, opened_at, version)
         VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ).run(retrospectiveId, dealId, closure, outcome, closedAt, openedAt, event.revision);
    },
    PerspectiveFiled(event, db) {
      const { retrospectiveId, team, author, reasonCodes, notes, filedAt } = event.data;
      if (!advance(db, event)) return;
      prepared(db, 
        `INSERT INTO ${PERSPECTIVES_TABLE} (retrospective_id, team, author, notes, filed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (retrospective_id, team) DO UPDATE SET author = excluded.author, notes = excluded.notes, filed_at = excluded.filed_at`,
      ).run(retrospectiveId, team, author, notes, filedAt);
      // Filing again replaces the team's reasons as a whole: a shorter list leaves none behind.
      prepared(db, `DELETE FROM ${PERSPECTIVE_REASONS_TABLE} WHERE retrospective_id = ? AND team = ?`).run(retrospectiveId, team);
      const insert = prepared(db, `INSERT INTO ${PERSPECTIVE_REASONS_TABLE} (retrospective_id, team, position, code) VALUES (?, ?, ?, ?)`);
      reasonCodes.forEach((code, position) => insert.run(retrospectiveId, team, position, code));
    },
    ActionItemAdded(event, db) {
      const { retrospectiveId, actionItemId, ownerTeam, description, dueDate } = event.data;
      if (!advance(db, event)) return;
      prepared(db, 
        `INSERT INTO ${ACTION_ITEMS_TABLE} (retrospective_id, id, owner_team, description, due_date, added_revision)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (retrospective_id, id) DO NOTHING`,
      ).run(retrospectiveId, actionItemId, ownerTeam, description, dueDate, event.revision);
    },
    ActionItemCompleted(event, db) {
      const { retrospectiveId, actionItemId, completedAt } = event.data;
      if (!advance(db, event)) return;
      prepared(db, `UPDATE ${ACTION_ITEMS_TABLE} SET completed_at = ? WHERE retrospective_id = ? AND id = ?`).run(
        completedAt,
        retrospectiveId,
        actionItemId,
      );
    },
    RetrospectiveConcluded(event, db) {
      const { retrospectiveId, agreedReasonCodes, summary, concludedAt } = event.data;
      if (!advance(db, event)) return;
      prepared(db, `UPDATE ${RETROSPECTIVES_TABLE} SET status = 'CONCLUDED', summary = ?, concluded_at = ? WHERE id = ?`).run(
        summary,
        concludedAt,
        retrospectiveId,
      );
      prepared(db, `DELETE FROM ${AGREED_REASONS_TABLE} WHERE retrospective_id = ?`).run(retrospectiveId);
      const insert = prepared(db, `INSERT INTO ${AGREED_REASONS_TABLE} (retrospective_id, position, code) VALUES (?, ?, ?)`);
      agreedReasonCodes.forEach((code, position) => insert.run(retrospectiveId, position, code));
    },
    DealWon(event, db) {
      closeDeal(db, event, 'WON');
    },
    DealLost(event, db) {
      closeDeal(db, event, 'LOST');
    },
    DealReopened(event, db) {
      prepared(db, `UPDATE ${DEAL_CLOSURES_TABLE} SET status = 'OPEN', revision = ? WHERE deal_id = ? AND closure = ? AND revision < ?`).run(
        event.revision,
        event.data.dealId,
        event.data.closure,
        event.revision,
      );
    },
  },
});

/**
 * Moves the retrospective's version to the event's revision; false when the row already holds
 * this event (or a later one), so the caller writes nothing.
 */
function advance(db: SqliteDatabase, event: Recorded<RetrospectiveEvent>): boolean {
  const { changes } = prepared(db, `UPDATE ${RETROSPECTIVES_TABLE} SET version = ? WHERE id = ? AND version < ?`)
    .run(event.revision, event.data.retrospectiveId, event.revision);
  return changes > 0;
}

function closeDeal(db: SqliteDatabase, event: Recorded<DealWon | DealLost>, outcome: 'WON' | 'LOST'): void {
  const { dealId, closure, closedAt } = event.data;
  prepared(db, 
    `INSERT INTO ${DEAL_CLOSURES_TABLE} (deal_id, closure, outcome, closed_at, status, revision) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (deal_id) DO UPDATE SET closure = excluded.closure, outcome = excluded.outcome, closed_at = excluded.closed_at,
       status = excluded.status, revision = excluded.revision
     WHERE excluded.revision > ${DEAL_CLOSURES_TABLE}.revision`,
  ).run(dealId, closure, outcome, closedAt, outcome, event.revision);
}
