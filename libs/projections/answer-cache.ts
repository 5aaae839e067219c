import type { Position } from '#event-store';

/** Where each read model stands: a projection's checkpoint, null before its first event. */
export type ReadModelPositions = (projection: string) => Position | null;

interface Entry {
  readonly at: string;
  readonly answer: unknown;
}

/** How many answers the cache keeps at most, the least recently used going first. */
const DEFAULT_MAX_ENTRIES = 1_000;

/**
 * Answers computed from read models, kept as long as the read models they come from stand still:
 * a dashboard asking the same question twice between two events pays once. An answer is keyed by
 * the question (the caller's key) and filed under the positions of the projections it reads, so
 * the first commit of any of them makes it stale: what read-your-writes shows is never older than
 * the read models. Reads are synchronous (better-sqlite3), so an answer and the positions it is
 * filed under always describe the same state.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly positions: ReadModelPositions,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** A cache that keeps nothing: every answer is computed (for tests and tools). */
  static disabled(): AnswerCache {
    return new AnswerCache(() => null, 0);
  }

  /** The answer to `question` over the given projections, computed only when they moved since. */
  answer<Answer>(projections: readonly string[], question: string, compute: () => Answer): Answer {
    if (this.maxEntries === 0) return compute();
    const at = projections.map((projection) => this.positions(projection) ?? '').join('\u0000');
    const key = `${projections.join('\u0000')}\u0001${question}`;
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      if (entry.at === at) {
        this.entries.set(key, entry);
        return entry.answer as Answer;
      }
    }
    const answer = compute();
    this.entries.set(key, { at, answer });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return answer;
  }
}
