import type { SqliteDatabase } from '#sqlite';

const RUNNING = ['all', 'get', 'run', 'iterate'] as const;

/**
 * Counts the statements a piece of code runs on a connection (however they were prepared, once
 * or each time): what N+1 checks count. Call `stop()` to put the statements back as they were.
 */
export function countStatementRuns(db: SqliteDatabase): { readonly runs: () => number; stop(): void } {
  // Every statement of a connection shares one prototype: wrap its running methods.
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<(typeof RUNNING)[number], (...args: unknown[]) => unknown>;
  const originals = RUNNING.map((name) => [name, prototype[name]] as const);
  let runs = 0;
  for (const [name, original] of originals) {
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      runs += 1;
      return original.apply(this, args);
    };
  }
  return {
    runs: () => runs,
    stop: () => {
      for (const [name, original] of originals) prototype[name] = original;
    },
  };
}
