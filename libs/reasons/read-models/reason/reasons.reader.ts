import { Inject, Injectable } from '@nestjs/common';
import { prepared, type SqliteDatabase } from '#sqlite';
import { rowsByKey } from '#projections';
import { READ_MODEL_DATABASE } from '#shared/application';
import type { ReasonCategory, ReasonKind } from '../../domain/index.js';
import { REASONS_TABLE } from './reason.projection.js';

/** A row of the catalog's read model; `mergedInto` is a code, resolved to a Reason by the resolver. */
export interface ReasonRow {
  readonly code: string;
  readonly label: string;
  readonly category: ReasonCategory;
  readonly kind: ReasonKind;
  readonly retired: boolean;
  readonly mergedIntoCode: string | null;
}

interface StoredReason {
  code: string;
  label: string;
  category: ReasonCategory;
  kind: ReasonKind;
  retired: number;
  merged_into: string | null;
}

const toRow = (stored: StoredReason): ReasonRow => ({
  code: stored.code,
  label: stored.label,
  category: stored.category,
  kind: stored.kind,
  retired: stored.retired === 1,
  mergedIntoCode: stored.merged_into,
});

/** Reads the catalog's read model; other contexts use it to show reasons under their current names. */
@Injectable()
export class ReasonsReader {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: SqliteDatabase) {}

  byCode(code: string): ReasonRow | null {
    const stored = prepared(this.db, `SELECT * FROM ${REASONS_TABLE} WHERE code = ?`).get(code) as StoredReason | undefined;
    return stored ? toRow(stored) : null;
  }

  /** One query for any number of codes, keyed by code; unknown codes are absent. */
  byCodes(codes: readonly string[]): Map<string, ReasonRow> {
    return rowsByKey<StoredReason, ReasonRow>(this.db, REASONS_TABLE, 'code', codes, toRow);
  }

  /** The catalog in the order it was defined, optionally of one kind and with the retired. */
  list(options: { readonly kind?: ReasonKind | null; readonly includeRetired?: boolean }): ReasonRow[] {
    const stored = prepared(this.db, 
        `SELECT * FROM ${REASONS_TABLE}
         WHERE (? IS NULL OR kind = ?) AND (? = 1 OR retired = 0)
         ORDER BY defined_at, rowid`,
      )
      .all(options.kind ?? null, options.kind ?? null, options.includeRetired ? 1 : 0) as StoredReason[];
    return stored.map(toRow);
  }
}
