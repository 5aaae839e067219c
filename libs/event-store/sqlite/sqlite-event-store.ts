import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import type { NewEvent, Position, RecordedEvent } from '../event.js';
import type {
  AggregateStreamOptions,
  AggregateStreamResult,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../event-store.js';
import { ANY, NO_STREAM, type ExpectedRevision, type StreamRevision } from '../expected-revision.js';
import { aggregate, checkedStreamRead } from '../stream-reads.js';
import {
  appendToLocalLog,
  decodeLogEvent,
  decodeStoredEvent,
  positionToNumber,
  toPosition,
  type LocalAppendTarget,
  type StoredEvent,
} from '../local-log.js';
import { LocalSubscriptions, readAllFromLog, type LocalLog, type LogPage } from '../local-subscription.js';
import { normalizeEventId } from '../new-events.js';
import {
  openSqliteDatabase,
  readSynchronous,
  type SqliteDatabase,
  type SqliteSynchronous,
  type SqliteSynchronousLevel,
} from '#sqlite';

export interface SqliteEventStoreOptions {
  /** FULL (the default) makes every acknowledged append survive a power loss. */
  readonly synchronous?: SqliteSynchronous;
  readonly busyTimeoutMs?: number;
  /** Most bytes of event data in one append; EventStoreDB's default (1 MiB) when absent. */
  readonly maxAppendBytes?: number;
}

const SCHEMA_VERSION = 2;

// Positions are assigned by the append itself (max + 1 under the write lock), not by
// AUTOINCREMENT, so a rolled back append leaves no hole in the sequence.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream   TEXT    NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 0),
    event_id TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    metadata TEXT    NOT NULL,
    UNIQUE (stream, revision),
    UNIQUE (event_id)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

// Version 2: the file's own identity, made once when the file (or its store table) is created,
// so that read models can tell this log from another one.
const STORE_TABLE = `
  CREATE TABLE IF NOT EXISTS store (
    id TEXT NOT NULL,
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1)
  );
`;

const COLUMNS = 'position, stream, revision, event_id AS id, type, data, metadata';

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * The event log in one SQLite file. Global positions are 1, 2, 3, ... without gaps.
 *
 * Appends commit in groups: the appends that arrive while the process is busy (with the previous
 * group's commit, or with anything else) are written in the next IMMEDIATE transaction together,
 * and share its commit and its sync to disk. Each keeps its own expected-revision check (which
 * sees the appends of the group before it), its own error (a savepoint rolls back only its own
 * rows) and its own result; none is acknowledged before the group's commit returns, so a crash
 * loses nothing acknowledged. The IMMEDIATE transaction serialises appends from several
 * connections or processes through SQLite's write lock. Subscriptions wake up on appends made
 * through this instance; appends by another process become visible to them at their next read.
 */
export class SqliteEventStore implements EventStore, LocalLog {
  private readonly db: SqliteDatabase;
  private readonly statements: Statements;
  private readonly appendOne: Database.Transaction<
    (stream: string, events: readonly NewEvent[], expected: ExpectedRevision) => AppendResult
  >;
  private readonly commitGroup: Database.Transaction<(group: readonly PendingAppend[]) => Outcome[]>;
  private readonly target: LocalAppendTarget;
  private pending: PendingAppend[] = [];
  private flushing = false;
  private readonly listeners = new Set<(types: ReadonlySet<string>) => void>();
  private readonly subscriptions = new LocalSubscriptions(this);

  constructor(
    readonly file: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.db = openSqliteDatabase(file, {
      synchronous: options.synchronous ?? 'FULL',
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
    try {
      migrate(this.db);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const statements = this.statements;
    this.target = {
      currentRevision: (stream) => statements.lastRevision.get(stream)?.revision ?? NO_STREAM,
      eventAt: (stream, revision) => statements.eventAt.get(stream, revision),
      eventById: (id) => statements.byEventId.get(id),
      lastPosition: () => statements.lastPosition.get()?.position ?? 0,
      insert: (rows) => {
        for (const row of rows) statements.insert.run(row.position, row.stream, row.revision, row.id, row.type, row.data, row.metadata);
      },
    };
    // Run inside commitGroup, better-sqlite3 makes each append a savepoint of the group's transaction.
    this.appendOne = this.db.transaction((stream, events, expected) =>
      appendToLocalLog(this.target, stream, events, expected, this.options),
    );
    this.commitGroup = this.db.transaction((group) =>
      group.map(({ stream, events, expected }): Outcome => {
        try {
          return { ok: true, result: this.appendOne(stream, events, expected) };
        } catch (error) {
          return { ok: false, error: this.toPortError(error, stream, events, expected) };
        }
      }),
    );
  }

  /** The synchronous setting the connection runs with, read back from SQLite. */
  get synchronous(): SqliteSynchronousLevel {
    return readSynchronous(this.db);
  }

  appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? ANY;
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, events, expected, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // After the current turn of the event loop, so the appends it brings join the same group.
      setImmediate(() => this.flush());
    });
  }

  /** Commits every pending append as one group, then answers each. */
  private flush(): void {
    this.flushing = false;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitGroup.immediate(group);
    } catch (error) {
      // The group's own transaction failed (the write lock, the disk): none of it is stored.
      for (const append of group) append.reject(this.toPortError(error, append.stream, append.events, append.expected));
      return;
    }
    const types = new Set(group.flatMap((append, index) => (outcomes[index]!.ok ? append.events.map((event) => event.type) : [])));
    if (types.size > 0) for (const listener of this.listeners) listener(types);
    outcomes.forEach((outcome, index) => {
      const append = group[index]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const rows = this.statements.readStream.all(stream, from, options.maxCount ?? -1);
    return checkedStreamRead(stream, from, rows.map(decodeStoredEvent)) as RecordedEvent[];
  }

  async aggregateStream<State, Event extends RecordedEvent = RecordedEvent>(
    stream: string,
    options: AggregateStreamOptions<State, Event>,
  ): Promise<AggregateStreamResult<State>> {
    return aggregate(await this.readStream(stream), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllFromLog(this, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return this.subscriptions.subscribe(options);
  }

  async headPosition(): Promise<Position | null> {
    const head = this.statements.lastPosition.get()?.position ?? null;
    return head === null ? null : toPosition(head);
  }

  /** The id made when the file was created (or first opened by a version that keeps one). */
  async identity(): Promise<string> {
    return this.statements.storeId.get()!.id;
  }

  comparePositions(a: Position, b: Position): number {
    return positionToNumber(a) - positionToNumber(b);
  }

  /** Commits the appends still waiting for their group, ends the open subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.db.open) this.flush();
    await this.subscriptions.closeAll();
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }

  readPage(after: Position | undefined, eventTypes: readonly string[] | undefined, maxRead: number): LogPage {
    // The head is read first and bounds the page: an append committed by another connection
    // between the two reads must not be skipped by a subscriber that moves on to the head.
    const head = this.statements.lastPosition.get()?.position ?? 0;
    const from = after === undefined ? 0 : positionToNumber(after);
    const rows =
      eventTypes === undefined
        ? this.statements.readAll.all(from, head, maxRead)
        : this.statements.readAllOfTypes.all(from, head, JSON.stringify(eventTypes), maxRead);
    const types = eventTypes === undefined ? undefined : new Set(eventTypes);
    const events = rows.flatMap((row) => decodeLogEvent(row, types) ?? []);
    const last = rows.at(-1);
    return {
      events,
      lastRead: last === undefined ? undefined : toPosition(last.position),
      reachedHead: rows.length < maxRead,
      head: head === 0 ? undefined : toPosition(head),
    };
  }

  onAppended(listener: (types: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private currentRevision(stream: string): StreamRevision {
    return this.statements.lastRevision.get(stream)?.revision ?? NO_STREAM;
  }

  /**
   * The write lock makes the checks above authoritative, so a unique violation means a writer
   * that does not take it (another program on the file): it is still the caller's conflict.
   */
  private toPortError(error: unknown, stream: string, events: readonly NewEvent[], expected: ExpectedRevision): unknown {
    if (!isSqliteError(error)) return error;
    if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      if (error.message.includes('events.event_id')) {
        const taken = events.find((event) => this.statements.byEventId.get(normalizeEventId(event.id)) !== undefined) ?? events[0];
        return new DuplicateEventIdError(stream, taken?.id ?? '', 'another append stored it at the same time');
      }
      return new WrongExpectedRevisionError(stream, expected, this.currentRevision(stream));
    }
    if (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_IOERR') || error.code === 'SQLITE_FULL') {
      return new EventStoreUnavailableError(`Cannot append to "${stream}" in ${this.file}: ${error.message}`, {
        cause: error,
      });
    }
    return error;
  }
}

/**
 * Recognised by its code rather than by class: the native addon keeps the error class it was
 * first given for the life of the process, which need not be the one this module sees.
 */
function isSqliteError(error: unknown): error is { readonly code: string; readonly message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') && typeof message === 'string';
}

function migrate(db: SqliteDatabase): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version < 0 || version > SCHEMA_VERSION) {
    throw new Error(`Event store file ${db.name} has schema version ${version}; this code knows versions up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(SCHEMA);
    db.exec(STORE_TABLE);
    db.prepare('INSERT OR IGNORE INTO store (id, singleton) VALUES (?, 1)').run(randomUUID());
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: SqliteDatabase) {
  return {
    storeId: db.prepare<[], { id: string }>('SELECT id FROM store'),
    lastRevision: db.prepare<[string], { revision: number | null }>(
      'SELECT MAX(revision) AS revision FROM events WHERE stream = ?',
    ),
    lastPosition: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    byEventId: db.prepare<[string], StoredEvent>(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`),
    eventAt: db.prepare<[string, number], StoredEvent>(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision = ?`),
    insert: db.prepare<[number, string, number, string, string, string, string], unknown>(
      'INSERT INTO events (position, stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    readStream: db.prepare<[string, number, number], StoredEvent>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readAll: db.prepare<[number, number, number], StoredEvent>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    ),
    readAllOfTypes: db.prepare<[number, number, string, number], StoredEvent>(
      `SELECT ${COLUMNS} FROM events
       WHERE position > ? AND position <= ? AND type IN (SELECT value FROM json_each(?))
       ORDER BY position LIMIT ?`,
    ),
  };
}
