import type { EventStore, EventStoreUnavailableError, Position, RecordedEvent, SubscriptionMessage } from '#event-store';
import type { SqliteDatabase } from '#sqlite';
import { CheckpointTable, type Checkpoint, type LogSeen, type ProjectionStatus } from './checkpoints.js';
import { ProjectionConsumer } from './consumer.js';
import { ProjectionFailedError } from './errors.js';
import { ProjectionProcessor } from './processor.js';
import type { Projection } from './projection.js';
import { cappedBackoff, describeEvent, type ProjectionLogger, type ProjectionRun, type ReconnectDelay, type RetryPolicy } from './run.js';
import { Waiters, type WaitTarget } from './waiters.js';

export type { ProjectionLogger, ReconnectDelay, RetryPolicy } from './run.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** The read-model database, shared by every projection and their checkpoints. */
  readonly database: SqliteDatabase;
  readonly logger: ProjectionLogger;
  readonly projections: readonly Projection[];
  readonly retry?: RetryPolicy;
  /** Pauses before resubscribing to a store that is unavailable; doubling up to 5 s by default. */
  readonly reconnectDelayMs?: ReconnectDelay;
  /** Most events written in one transaction while catching up. */
  readonly maxBatchSize?: number;
  /** Events read and written in one transaction while rebuilding. */
  readonly rebuildPageSize?: number;
  /**
   * Events read and written in one transaction while the projections behind the log at start
   * catch up together; the service answers between two pages. 0: each catches up on its own.
   */
  readonly catchUpPageSize?: number;
}

export interface ProjectionState {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied or skipped; null before the first. */
  readonly position: Position | null;
  readonly status: ProjectionStatus;
  readonly error?: string;
}

export interface WaitForOptions {
  /** Wait only for these projections, by name; all of them when absent. */
  readonly projections?: readonly string[];
  readonly timeoutMs: number;
}

/** How far a rebuild has read the log. */
export interface RebuildProgress {
  /** Events applied so far. */
  readonly events: number;
  readonly position: Position;
  /** The end of the log when the rebuild started; null for an empty log. */
  readonly head: Position | null;
}

/** Called after a batch of a projection commits, with the events whose rows it wrote. */
export type CommitListener = (projection: string, events: readonly RecordedEvent[]) => void;

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, delayMs: (retry) => 100 * 4 ** (retry - 1) };
const DEFAULT_MAX_BATCH_SIZE = 500;
const DEFAULT_REBUILD_PAGE_SIZE = 20_000;
/** About a second of work per page on a small machine: the service's answers wait no longer. */
const DEFAULT_CATCH_UP_PAGE_SIZE = 5_000;

type Run = ProjectionRun;

/**
 * Keeps read models up to date from the log: each projection follows the events it consumes
 * (ProjectionConsumer), applies them in transactions together with its checkpoint
 * (ProjectionProcessor, CheckpointTable), and read-your-writes waits on what it has applied
 * (Waiters). A subscription wakes only when events of its projection's types are appended, so
 * an append costs a read and a transaction only in the projections that consume it.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: SqliteDatabase;
  private readonly logger: ProjectionLogger;
  private readonly checkpoints: CheckpointTable;
  private readonly consumer: ProjectionConsumer;
  private readonly waiters: Waiters;
  private readonly runs: readonly Run[];
  private readonly rebuildPageSize: number;
  private readonly catchUpPageSize: number;
  private readonly listeners = new Set<CommitListener>();
  /** Counts every change a reader could see: rows committed, a status moved (see stateVersion). */
  private changes = 0;
  private running = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.db = options.database;
    this.logger = options.logger;
    const retry = options.retry ?? DEFAULT_RETRY;
    this.rebuildPageSize = options.rebuildPageSize ?? DEFAULT_REBUILD_PAGE_SIZE;
    this.catchUpPageSize = options.catchUpPageSize ?? DEFAULT_CATCH_UP_PAGE_SIZE;
    const names = new Set<string>();
    for (const projection of options.projections) {
      if (names.has(projection.name)) throw new Error(`Two projections are named "${projection.name}"`);
      names.add(projection.name);
    }
    this.checkpoints = new CheckpointTable(this.db);
    this.waiters = new Waiters((a, b) => this.store.comparePositions(a, b));
    const processor = new ProjectionProcessor(this.db, this.checkpoints, (a, b) => this.store.comparePositions(a, b), retry, {
      committed: (run, position, events) => this.committed(run, position, events),
      failed: (run, error, message) => this.fail(run, error, message),
      stopping: () => this.stopping,
    });
    const reconnectDelayMs = options.reconnectDelayMs ?? cappedBackoff;
    this.consumer = new ProjectionConsumer(this.store, processor, this.logger, retry, reconnectDelayMs, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE, {
      caughtUp: (run) => this.markLive(run),
      failed: (run, error) => this.fail(run, error, undefined),
      unavailable: (run, error) => this.markUnavailable(run, error),
      available: (run) => this.markAvailable(run),
      stopping: () => this.stopping,
    });
    this.runs = options.projections.map((projection) => {
      const checkpoint = this.checkpoints.get(projection.name);
      const current = checkpoint?.version === projection.version;
      return {
        projection,
        position: current ? checkpoint.position : null,
        status: 'stopped',
        error: undefined,
        subscription: undefined,
        loop: undefined,
      };
    });
  }

  /**
   * Brings every projection's tables to its version and to the log (rebuilding those whose
   * version changed, or whose checkpoint belongs to another log) and starts following the log.
   * Returns without waiting for the projections to catch up.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error('The projection runner is already running');
    this.running = true;
    this.stopping = false;
    let log: LogSeen;
    try {
      log = await this.seeLog();
    } catch (error) {
      this.running = false;
      throw error;
    }
    for (const run of this.runs) {
      try {
        this.prepare(run, log);
      } catch (error) {
        this.fail(run, error, undefined);
      }
    }
    const following = this.runs.filter((run) => run.status !== 'failed');
    const together = this.catchUpTogether(following, log.head);
    for (const run of following) {
      run.loop = together.then(() => (this.stopping || run.status === 'failed' ? undefined : this.consumer.follow(run)));
    }
    this.logger.debug({ projections: this.status() }, 'Projections started');
  }

  /**
   * The projections behind the log at start (a new version, a new deployment, a long stop) catch
   * up together, as a rebuild does: one read of the log, page by page, each page applied to every
   * projection consuming its events in one transaction with their checkpoints, the event loop let
   * go between pages. Each then follows the log on its own from where it got. Anything going wrong
   * (an event a projection cannot apply, the store) ends this early and leaves every projection at
   * its last committed page, for its own subscription to go on with, its retries included.
   */
  private async catchUpTogether(runs: readonly Run[], head: Position | null): Promise<void> {
    if (head === null || this.catchUpPageSize === 0) return;
    const behind = runs.filter((run) => run.position === null || this.store.comparePositions(run.position, head) < 0);
    if (behind.length === 0) return;
    const consumers = new Map<string, Run[]>();
    for (const run of behind) {
      for (const type of run.projection.eventTypes) consumers.set(type, [...(consumers.get(type) ?? []), run]);
    }
    let from: Position | null = null;
    if (behind.every((run) => run.position !== null)) {
      from = behind.map((run) => run.position!).reduce((lowest, position) => (this.store.comparePositions(position, lowest) < 0 ? position : lowest));
    }
    const started = performance.now();
    let events = 0;
    try {
      for (;;) {
        if (this.stopping) return;
        const page = await this.store.readAll({ ...(from === null ? {} : { fromPosition: from }), eventTypes: [...consumers.keys()], maxCount: this.catchUpPageSize });
        const last = page.at(-1);
        if (last === undefined || this.stopping) break;
        this.applyPage(behind, consumers, page, last.position);
        from = last.position;
        events += page.length;
        if (page.length < this.catchUpPageSize || this.store.comparePositions(last.position, head) >= 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.logger.warn({ projections: behind.map((run) => run.projection.name), position: from, err: error }, 'Catching up together stopped; each projection goes on alone');
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    this.logger.info({ projections: behind.map((run) => run.projection.name), events, seconds, position: from }, 'Caught up together from one read of the log');
  }

  /** One page of a catch-up: the events each projection has not applied yet, and every checkpoint, in one transaction. */
  private applyPage(runs: readonly Run[], consumers: ReadonlyMap<string, readonly Run[]>, page: readonly RecordedEvent[], last: Position): void {
    // A projection already past this page (its checkpoint was ahead of the others') stays where it is.
    const moving = runs.filter((run) => run.position === null || this.store.comparePositions(run.position, last) < 0);
    const applied = new Map<Run, RecordedEvent[]>(moving.map((run) => [run, []]));
    this.db.transaction(() => {
      for (const event of page) {
        for (const run of consumers.get(event.type) ?? []) {
          const events = applied.get(run);
          if (events === undefined || (run.position !== null && this.store.comparePositions(event.position, run.position) <= 0)) continue;
          run.projection.handle(event, this.db);
          events.push(event);
        }
      }
      for (const run of moving) this.checkpoints.advance(run.projection.name, last, 'catching-up');
    })();
    for (const run of moving) this.committed(run, last, applied.get(run)!);
  }

  /** Closes the subscriptions and returns once no projection writes any more. */
  stop(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.runs.map((run) => this.consumer.close(run)));
    await Promise.all(this.runs.map((run) => run.loop));
    for (const run of this.runs) {
      run.loop = undefined;
      if (run.status === 'failed') continue;
      run.status = 'stopped';
      this.checkpoints.setStatus(run.projection.name, 'stopped');
    }
    this.changes++;
    this.waiters.rejectAll('the projections were stopped');
    this.running = false;
    this.stopped = undefined;
    this.logger.info({ projections: this.runs.map((run) => run.projection.name) }, 'Projections stopped');
  }

  /** Where the named projection stands: the position of the last event it applied or skipped. */
  positionOf(name: string): Position | null {
    return this.runNamed(name).position;
  }

  status(): ProjectionState[] {
    return this.runs.map((run) => ({
      name: run.projection.name,
      version: run.projection.version,
      position: run.position,
      status: run.status,
      ...(run.error === undefined ? {} : { error: run.error }),
    }));
  }

  /**
   * A number that moves whenever a read model's rows or a projection's status may have changed,
   * and only then: an answer computed from the read models stays true while it stands still.
   */
  stateVersion(): number {
    return this.changes;
  }

  /**
   * No projection has failed or waits for an unavailable store: the read models are current or
   * on their way.
   */
  isHealthy(): boolean {
    return this.runs.every((run) => run.status !== 'failed' && run.status !== 'unavailable');
  }

  /**
   * Resolves once the named projections (all when none is named) have applied the log up to
   * `position`; rejects with ProjectionLagError after `timeoutMs`, and at once with
   * ProjectionFailedError when one of them has failed (it would never get there).
   */
  waitFor(position: Position, options: WaitForOptions): Promise<void> {
    const runs = options.projections === undefined ? this.runs : options.projections.map((name) => this.runNamed(name));
    return this.waiters.wait(
      runs.map((run) => ({ run, position })),
      options.timeoutMs,
    );
  }

  /**
   * Read-your-writes: given the last position of each event type written, resolves once every
   * projection consuming one of those types has applied the log up to the last of them it
   * consumes. A projection is never waited for on a position it has no reason to reach, so one
   * that only follows the events it consumes (EventStoreDB sends a checkpoint only now and then)
   * is as good as one told of every append.
   */
  waitForEvents(positionsByType: ReadonlyMap<string, Position>, options: { readonly timeoutMs: number }): Promise<void> {
    const targets: WaitTarget[] = [];
    for (const run of this.runs) {
      let position: Position | undefined;
      for (const type of run.projection.eventTypes) {
        const at = positionsByType.get(type);
        if (at !== undefined && (position === undefined || this.store.comparePositions(at, position) > 0)) position = at;
      }
      if (position !== undefined) targets.push({ run, position });
    }
    return this.waiters.wait(targets, options.timeoutMs);
  }

  /** Returns the function that removes the listener. */
  onCommitted(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Empties the given projections (all when none is named) and replays the log into them up to
   * its current end, then returns. The log is read once, page by page, and each page is applied
   * to every projection that consumes its events in one transaction together with their
   * checkpoints, so memory stays bounded whatever the log's size and a crash leaves every
   * projection at one consistent point to go on from. For an offline command: the runner must not
   * be running.
   */
  async rebuild(names?: readonly string[], onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    if (this.running) throw new Error('Stop the projection runner before rebuilding');
    const runs = names === undefined ? this.runs : this.runsNamed(names);
    const log = await this.seeLog();
    const head = log.head;
    for (const run of runs) this.restart(run, log);
    const consumers = new Map<string, Run[]>();
    for (const run of runs) {
      for (const type of run.projection.eventTypes) consumers.set(type, [...(consumers.get(type) ?? []), run]);
    }
    const eventTypes = [...consumers.keys()];
    const pageSize = this.rebuildPageSize;
    let position: Position | null = null;
    let events = 0;
    for (;;) {
      const page = await this.store.readAll({ ...(position === null ? {} : { fromPosition: position }), eventTypes, maxCount: pageSize });
      const last = page.at(-1);
      if (last === undefined) break;
      this.applyToAll(runs, consumers, page, last.position);
      position = last.position;
      events += page.length;
      onProgress?.({ events, position, head });
      if (page.length < pageSize) break;
    }
    for (const run of runs) {
      const { name, version } = run.projection;
      run.status = 'stopped';
      this.checkpoints.setStatus(name, 'stopped');
      this.logger.info({ projection: name, version, position: run.position }, `Projection "${name}" rebuilt`);
    }
    this.logger.info({ projections: runs.map((run) => run.projection.name), events, position }, 'Rebuilt from one read of the log');
  }

  /** One page of a rebuild: every consuming projection's rows and every checkpoint, in one transaction. */
  private applyToAll(runs: readonly Run[], consumers: ReadonlyMap<string, readonly Run[]>, page: readonly RecordedEvent[], last: Position): void {
    let failed: { readonly run: Run; readonly event: RecordedEvent } | undefined;
    try {
      this.db.transaction(() => {
        for (const event of page) {
          for (const run of consumers.get(event.type) ?? []) {
            failed = { run, event };
            run.projection.handle(event, this.db);
          }
        }
        failed = undefined;
        for (const run of runs) this.checkpoints.advance(run.projection.name, last, 'catching-up');
      })();
    } catch (error) {
      if (failed === undefined) throw error;
      this.fail(failed.run, error, { kind: 'event', event: failed.event });
      throw new ProjectionFailedError(failed.run.projection.name, failed.run.error ?? String(error));
    }
    for (const run of runs) run.position = last;
    this.changes++;
  }

  /** Which log the store holds, and how far it reaches: read identity first, so the head includes its writing. */
  private async seeLog(): Promise<LogSeen> {
    const identity = await this.store.identity();
    return { identity, head: await this.store.headPosition() };
  }

  private prepare(run: Run, log: LogSeen): void {
    const { name, version } = run.projection;
    const checkpoint = this.checkpoints.get(name);
    if (checkpoint?.version !== version) {
      this.restart(run, log);
      // A first build is routine; a version change rebuilding a read model is worth a line.
      const line = checkpoint === undefined ? this.logger.debug : this.logger.info;
      line.call(
        this.logger,
        { projection: name, version, previousVersion: checkpoint?.version ?? null },
        checkpoint === undefined ? `Projection "${name}" builds from the start of the log` : `Projection "${name}" rebuilds from the start of the log`,
      );
      return;
    }
    const elsewhere = this.notOfThisLog(checkpoint, log);
    if (elsewhere !== undefined) {
      this.restart(run, log);
      this.logger.warn(
        { projection: name, version, position: checkpoint.position, log: checkpoint.log, now: log },
        `Projection "${name}" rebuilds from the start of the log: ${elsewhere}`,
      );
      return;
    }
    run.projection.setup(this.db);
    run.position = checkpoint.position;
    run.status = 'catching-up';
    run.error = undefined;
    this.db.transaction(() => {
      this.checkpoints.seen(name, log);
      this.checkpoints.setStatus(name, 'catching-up');
    })();
    this.changes++;
  }

  /**
   * Why a checkpoint cannot be gone on from in this log, or undefined when it can. Another log (a
   * reset EventStoreDB volume, a switch of EVENT_STORE, another file) would have a position that
   * means nothing here: EventStoreDB silently skips every event up to a position beyond its head.
   * A checkpoint kept before the log's identity was is taken when its position is within the log.
   */
  private notOfThisLog(checkpoint: Checkpoint, log: LogSeen): string | undefined {
    if (checkpoint.log !== null && checkpoint.log.identity !== log.identity) {
      return `its checkpoint belongs to another event store (${checkpoint.log.identity}; this one is ${log.identity})`;
    }
    try {
      if (checkpoint.position !== null && (log.head === null || this.store.comparePositions(checkpoint.position, log.head) > 0)) {
        return `its checkpoint ${checkpoint.position} is beyond the end of the log (${log.head ?? 'empty'})`;
      }
      const seen = checkpoint.log?.head ?? null;
      if (seen !== null && (log.head === null || this.store.comparePositions(log.head, seen) < 0)) {
        return `the log ends at ${log.head ?? 'nothing'}, before ${seen} where it ended when last seen`;
      }
    } catch (error) {
      return `its checkpoint is not a position of this event store (${error instanceof Error ? error.message : String(error)})`;
    }
    return undefined;
  }

  /** Drops the projection's rows and progress in one transaction, so a crash cannot keep half. */
  private restart(run: Run, log: LogSeen): void {
    const { projection } = run;
    this.db.transaction(() => {
      projection.reset(this.db);
      projection.setup(this.db);
      this.checkpoints.restart(projection.name, projection.version, log);
    })();
    run.position = null;
    run.status = 'catching-up';
    run.error = undefined;
    this.changes++;
  }

  private committed(run: Run, position: Position | null, events: readonly RecordedEvent[]): void {
    run.position = position;
    this.changes++;
    this.waiters.checkAll();
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(run.projection.name, events);
      } catch (error) {
        // The rows are committed; a listener's failure is its own and must not stop the projection.
        this.logger.error({ projection: run.projection.name, err: error }, 'A commit listener threw');
      }
    }
  }

  private markLive(run: Run): void {
    if (run.status !== 'catching-up') return;
    run.status = 'live';
    this.changes++;
    this.checkpoints.setStatus(run.projection.name, 'live');
    this.logger.debug({ projection: run.projection.name, position: run.position }, `Projection "${run.projection.name}" is live`);
  }

  private markUnavailable(run: Run, error: EventStoreUnavailableError): void {
    if (run.status === 'failed' || run.status === 'unavailable') return;
    const { name } = run.projection;
    run.status = 'unavailable';
    run.error = error.message;
    this.changes++;
    this.checkpoints.setStatus(name, 'unavailable', error.message);
    this.logger.warn(
      { projection: name, position: run.position, err: error },
      `Projection "${name}" waits for the event store, which is unavailable; resubscribing until it answers`,
    );
  }

  private markAvailable(run: Run): void {
    if (run.status !== 'unavailable') return;
    const { name } = run.projection;
    run.status = 'catching-up';
    run.error = undefined;
    this.changes++;
    this.checkpoints.setStatus(name, 'catching-up');
    this.logger.info({ projection: name, position: run.position }, `Projection "${name}" follows the event store again`);
  }

  private fail(run: Run, error: unknown, message: SubscriptionMessage | undefined): void {
    const { name, version } = run.projection;
    const reason = error instanceof Error ? error.message : String(error);
    const event = message?.kind === 'event' ? message.event : undefined;
    run.status = 'failed';
    run.error = event === undefined ? reason : `${describeEvent(event)}: ${reason}`;
    this.changes++;
    try {
      this.checkpoints.setStatus(name, 'failed', run.error);
    } catch (writeError) {
      this.logger.warn({ projection: name, err: writeError }, `Could not record that projection "${name}" failed`);
    }
    this.logger.error(
      {
        projection: name,
        version,
        position: run.position,
        ...(event === undefined
          ? {}
          : { event: { id: event.id, type: event.type, stream: event.stream, revision: event.revision, position: event.position } }),
        err: error,
      },
      `Projection "${name}" failed${event === undefined ? '' : ` on ${describeEvent(event)}`}: ${reason}`,
    );
    this.waiters.checkAll();
  }

  private runNamed(name: string): Run {
    const run = this.runs.find((candidate) => candidate.projection.name === name);
    if (run === undefined) throw new Error(`No projection is named "${name}"`);
    return run;
  }

  private runsNamed(names: readonly string[]): readonly Run[] {
    return names.map((name) => this.runNamed(name));
  }
}
