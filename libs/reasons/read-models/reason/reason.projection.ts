import { defineProjection, provenanceOf } from '#projections';
import { prepared, type SqliteDatabase } from '#sqlite';
import type { ReasonEvent } from '../../domain/index.js';

export const REASONS_PROJECTION = 'reasons';
export const REASONS_TABLE = 'reasons';

/** The catalog as a table, one row per code, in the order the codes were defined. */
export const reasonsProjection = defineProjection<ReasonEvent>({
  name: REASONS_PROJECTION,
  version: 1,
  tables: [REASONS_TABLE],
  setup(db) {
    prepared(db, 
      `CREATE TABLE IF NOT EXISTS ${REASONS_TABLE} (
        code TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        merged_into TEXT,
        defined_at TEXT NOT NULL
      )`,
    ).run();
  },
  handlers: {
    ReasonDefined(event, db) {
      const { code, label, category, kind } = event.data;
      prepared(db, 
        `INSERT INTO ${REASONS_TABLE} (code, label, category, kind, defined_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET label = excluded.label, category = excluded.category, kind = excluded.kind`,
      ).run(code, label, category, kind, provenanceOf(event).recordedAt);
    },
    ReasonRetired(event, db) {
      retire(db, event.data.code, null);
    },
    ReasonsMerged(event, db) {
      retire(db, event.data.from, event.data.into);
    },
  },
});

function retire(db: SqliteDatabase, code: string, mergedInto: string | null): void {
  prepared(db, `UPDATE ${REASONS_TABLE} SET retired = 1, merged_into = coalesce(?, merged_into) WHERE code = ?`).run(mergedInto, code);
}

