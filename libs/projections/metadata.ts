import type { JsonObject } from '#event-store';

/** What every appended event's metadata says of who recorded it and when (PRODUCT §2). */
export interface EventProvenance {
  /** The token's `sub`. */
  readonly actor: string;
  readonly team: string;
  /** ISO-8601 server time of the write. */
  readonly recordedAt: string;
  /** recordedAt in epoch milliseconds, for as-of comparisons. */
  readonly recordedAtMs: number;
}

/** Reads the provenance of an event; a field the metadata lacks reads as empty, never as a throw. */
export function provenanceOf(event: { readonly metadata: JsonObject }): EventProvenance {
  const text = (key: string): string => {
    const value = event.metadata[key];
    return typeof value === 'string' ? value : '';
  };
  const recordedAt = text('recordedAt');
  const recordedAtMs = Date.parse(recordedAt);
  return { actor: text('actor'), team: text('team'), recordedAt, recordedAtMs: Number.isNaN(recordedAtMs) ? 0 : recordedAtMs };
}

/**
 * When a stream's event became known, for as-of reads: its recordedAt, but never before the
 * stream's previous event became known. Two writers on one stream (concurrent commands, or
 * instances whose clocks differ) can record revision N+1 at an earlier server time than N;
 * revision N+1 presupposes N, so it cannot have been known first.
 */
export function knownSinceMs(event: { readonly metadata: JsonObject }, previousKnownSinceMs: number | null | undefined): number {
  const { recordedAtMs } = provenanceOf(event);
  return previousKnownSinceMs === null || previousKnownSinceMs === undefined ? recordedAtMs : Math.max(recordedAtMs, previousKnownSinceMs);
}
