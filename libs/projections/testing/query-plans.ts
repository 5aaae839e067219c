import type { SqliteDatabase } from '#sqlite';

/**
 * The query plans (EXPLAIN QUERY PLAN, one detail per line) of every statement `read` compiles on
 * a connection that has not compiled them yet: what a test checks to see that a read uses an
 * index rather than scanning a table. `parameters` give each named parameter a value to plan with.
 */
export function queryPlans(db: SqliteDatabase, read: () => unknown, parameters: Readonly<Record<string, unknown>>): string {
  const sources: string[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    sources.push(source);
    return original(source);
  }) as typeof db.prepare;
  try {
    read();
  } finally {
    db.prepare = original as typeof db.prepare;
  }
  return sources
    .map((source) => {
      const named = Object.fromEntries(Object.entries(parameters).filter(([name]) => source.includes(`@${name}`)));
      const rows = original(`EXPLAIN QUERY PLAN ${source}`).all(named) as { detail: string }[];
      return rows.map((row) => row.detail).join('\n');
    })
    .join('\n');
}
