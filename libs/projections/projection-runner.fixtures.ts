import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventStore, NewEvent, RecordedEvent, SubscriptionMessage } from '#event-store';
import type { SqliteDatabase } from '#sqlite';
import type { Projection } from './projection.js';
import type { ProjectionLogger, RetryPolicy } from './projection-runner.js';

// Collaborators for the runner's specs: real where cheap, small fakes where a spec needs control.

export const NO_PAUSE: RetryPolicy = { attempts: 3, delayMs: () => 0 };

export interface LedgerOptions {
  readonly name?: string;
  readonly version?: number;
  readonly eventTypes?: readonly string[];
  /** Throws after writing the event's row, so a rollback is needed to keep the row out. */
  readonly failOn?: (event: RecordedEvent, call: number) => boolean;
}

export interface Ledger extends Projection {
  readonly table: string;
  /** How many times handle was called, failed calls included. */
  calls(): number;
  rows(db: SqliteDatabase): { id: string; type: string; version: number }[];
}

/**
 * Writes one row per event, keyed by event id: applying an event twice breaks the primary key,
 * so a double apply cannot go unnoticed.
 */
export function ledger(options: LedgerOptions = {}): Ledger {
  const name = options.name ?? `ledger-${randomUUID().slice(0, 8)}`;
  const version = options.version ?? 1;
  const table = `ledger_${name.replaceAll(/[^a-z0-9]/gi, '_')}`;
  let calls = 0;
  return {
    name,
    version,
    table,
    eventTypes: options.eventTypes ?? ['ItemAdded'],
    setup(db) {
      db.prepare(
        `CREATE TABLE IF NOT EXISTS ${table} (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          event_id TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          version INTEGER NOT NULL
        )`,
      ).run();
    },
    reset(db) {
      db.prepare(`DROP TABLE IF EXISTS ${table}`).run();
    },
    handle(event, db) {
      calls += 1;
      db.prepare(`INSERT INTO ${table} (event_id, type, version) VALUES (?, ?, ?)`).run(event.id, event.type, version);
      if (options.failOn?.(event, calls)) throw new Error(`cannot project ${event.id}`);
    },
    calls: () => calls,
    rows: (db) =>
      db
        .prepare(`SELECT event_id AS id, type, version FROM ${table} ORDER BY seq`)
        .all() as { id: string; type: string; version: number }[],
  };
}

export function newEvents(count: number, type = 'ItemAdded'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type, data: { index }, metadata: {} }));
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly object: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(): ProjectionLogger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const line = (level: LogLine['level']) => (object: object, message: string) => {
    lines.push({ level, object: object as Record<string, unknown>, message });
  };
  return { lines, debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** How long a test waits for what should come: a bound on a hang, never reached by a busy machine. */
export const WAIT_MS = 30_000;

/** Polls until the check passes or the deadline is reached; the last failure is thrown. */
export async function eventually(check: () => void, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/**
 * The store as it is, except that subscriptions for a given event type deliver nothing until
 * the gate opens: a projection that lags behind the others.
 */
export function withGate(store: EventStore, gatedType: string): { store: EventStore; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open,
    store: delegate(store, (options) => {
      const subscription = store.subscribeToAll(options);
      if (!options?.eventTypes?.includes(gatedType)) return subscription;
      let release!: () => void;
      const closed = new Promise<'closed'>((resolve) => {
        release = () => resolve('closed');
      });
      return {
        close: async () => {
          release();
          await subscription.close();
        },
        async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
          if ((await Promise.race([opened, closed])) === 'closed') return;
          yield* subscription;
        },
      };
    }),
  };
}

/** The store whose first `failures` subscriptions break after delivering one message. */
export function withBrokenSubscriptions(store: EventStore, failures: number): EventStore {
  let broken = 0;
  return delegate(store, (options) => {
    const subscription = store.subscribeToAll(options);
    if (broken >= failures) return subscription;
    broken += 1;
    return {
      close: () => subscription.close(),
      async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
        for await (const message of subscription) {
          yield message;
          throw new Error('connection reset');
        }
      },
    };
  });
}

export interface Outage {
  readonly store: EventStore;
  /** Breaks the open subscriptions and refuses new ones, with the error given. */
  begin(): Promise<void>;
  end(): void;
  /** How many subscriptions were refused since the outage began. */
  refused(): number;
}

/**
 * The store, until begin(): then every subscription fails with `error()` (open ones once they
 * break, new ones at once) until end(), as when the server restarts or its node loses an election.
 */
export function withOutage(store: EventStore, error: () => Error): Outage {
  let down = false;
  let refused = 0;
  const open = new Set<() => Promise<void>>();
  return {
    begin: async () => {
      down = true;
      refused = 0;
      await Promise.all([...open].map((breakIt) => breakIt()));
    },
    end: () => {
      down = false;
    },
    refused: () => refused,
    store: delegate(store, (options) => {
      if (down) {
        refused += 1;
        return {
          close: async () => undefined,
          // eslint-disable-next-line require-yield
          async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
            throw error();
          },
        };
      }
      const subscription = store.subscribeToAll(options);
      let broken = false;
      const breakIt = async () => {
        broken = true;
        await subscription.close();
      };
      open.add(breakIt);
      return {
        close: async () => {
          open.delete(breakIt);
          await subscription.close();
        },
        async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
          yield* subscription;
          if (broken) throw error();
        },
      };
    }),
  };
}

function delegate(store: EventStore, subscribeToAll: EventStore['subscribeToAll']): EventStore {
  return {
    appendToStream: (stream, events, options) => store.appendToStream(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    aggregateStream: (stream, options) => store.aggregateStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options): AllSubscription => subscribeToAll(options),
    headPosition: () => store.headPosition(),
    identity: () => store.identity(),
    comparePositions: (a, b) => store.comparePositions(a, b),
    close: () => store.close(),
  };
}
