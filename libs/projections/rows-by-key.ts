import { prepared, type SqliteDatabase } from '#sqlite';

/**
 * The rows of a read-model table whose `column` is one of `keys`, read in one statement however
 * many keys there are (nested GraphQL fields batch through this), keyed by that column and
 * mapped by `toRow`. Unknown keys are absent.
 */
export function rowsByKey<Stored extends object, Row>(
  db: SqliteDatabase,
  table: string,
  column: keyof Stored & string,
  keys: readonly string[],
  toRow: (stored: Stored) => Row,
): Map<string, Row> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const stored = prepared(db, `SELECT * FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).all(JSON.stringify(unique)) as Stored[];
  return new Map(stored.map((row) => [String(row[column]), toRow(row)]));
}
