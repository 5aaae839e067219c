import type { ReasonCategory, ReasonEvent, ReasonKind } from './events.js';

export interface ReasonEntry {
  readonly code: string;
  readonly label: string;
  readonly category: ReasonCategory;
  readonly kind: ReasonKind;
  readonly retired: boolean;
  /** The reason this one was merged into; a merged reason is also retired. */
  readonly mergedInto: string | null;
}

/** The whole catalog, by code. */
export type ReasonCatalog = Readonly<Record<string, ReasonEntry>>;

export const initialState = (): ReasonCatalog => ({});

export function evolve(state: ReasonCatalog, event: ReasonEvent): ReasonCatalog {
  switch (event.type) {
    case 'ReasonDefined': {
      const { code, label, category, kind } = event.data;
      return { ...state, [code]: { code, label, category, kind, retired: false, mergedInto: null } };
    }
    case 'ReasonRetired':
      return update(state, event.data.code, (entry) => ({ ...entry, retired: true }));
    case 'ReasonsMerged':
      return update(state, event.data.from, (entry) => ({ ...entry, retired: true, mergedInto: event.data.into }));
  }
}

export function findReason(code: string, state: ReasonCatalog): ReasonEntry | null {
  return Object.hasOwn(state, code) ? state[code] : null;
}

function update(state: ReasonCatalog, code: string, change: (entry: ReasonEntry) => ReasonEntry): ReasonCatalog {
  const entry = findReason(code, state);
  return entry === null ? state : { ...state, [code]: change(entry) };
}

/**
 * The reason a code is counted under: its survivor after following merges, through chains. A
 * code that is unknown or not merged stands for itself. The commands never make a cycle (a merge
 * needs an active target, and a merged reason is retired), but a history written by other means
 * could; on one, the walk stops at the first code seen twice.
 */
export function resolveMerges(code: string, state: ReasonCatalog): string {
  const seen = new Set<string>([code]);
  let current = code;
  for (;;) {
    const next = findReason(current, state)?.mergedInto ?? null;
    if (next === null || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/** What other contexts need to check a reason they are given. */
export interface ReasonSnapshot {
  readonly code: string;
  readonly kind: ReasonKind;
  readonly retired: boolean;
}

/** The catalog's word on one code, as a command of another context takes it; null when unknown. */
export function reasonSnapshot(code: string, state: ReasonCatalog): ReasonSnapshot | null {
  const entry = findReason(code, state);
  return entry === null ? null : { code: entry.code, kind: entry.kind, retired: entry.retired };
}

/** reasonSnapshot for each code, keyed by code: the form a retrospective's commands take. */
export function reasonSnapshots(codes: readonly string[], state: ReasonCatalog): Readonly<Record<string, ReasonSnapshot | null>> {
  return Object.fromEntries(codes.map((code) => [code, reasonSnapshot(code, state)]));
}
