import type { AllSubscription, EventStore, Position, RecordedEvent, SubscriptionMessage } from '#event-store';
import type { SqliteDatabase } from '#sqlite';
import { CheckpointTable, type ProjectionStatus } from './checkpoints.js';
import { ProjectionFailedError, ProjectionLagError } from './errors.js';
import type { Projection } from './projection.js';

/** pino's call shape, so the service's logger fits as it is. */
export interface ProjectionLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface RetryPolicy {
  /**
   * How many times an event that broke its batch is tried on its own before the projection is
   * failed; also how many consecutive subscription errors are survived.
   */
  readonly attempts: number;
  /** Pause in ms before retry number `retry` (1 for the first). */
  readonly delayMs: (retry: number) => number;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** The read-model database, shared by every projection and their checkpoints. */
  readonly database: SqliteDatabase;
  readonly logger: ProjectionLogger;
  readonly projections: readonly Projection[];
  readonly retry?: RetryPolicy;
  /** Most events written in one transaction while catching up. */
  readonly maxBatchSize?: number;
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
  /** Wait only for the projections consuming at least one of these types. */
  readonly eventTypes?: readonly string[];
  /** Wait only for these projections, by name (takes precedence over eventTypes). */
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
const REBUILD_PAGE_SIZE = 2_000;

interface Run {
  readonly projection: Projection;
  position: Position | null;
  status: ProjectionStatus;
  error: string | undefined;
  subscription: AllSubscription | undefined;
  loop: Promise<void> | undefined;
}

interface Waiter {
  readonly position: Position;
  readonly runs: readonly Run[];
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

type Attempt =
  | { readonly ok: true; readonly position: Position | null; readonly events: readonly RecordedEvent[] }
  | { readonly ok: false; readonly error: unknown; readonly message: SubscriptionMessage | undefined };

const IDLE = Symbol('idle');

/**
 * Keeps read models up to date from the log: one catch-up subscription per projection, each
 * batch of events applied in one transaction together with the projection's checkpoint, so a
 * crash never applies an event twice nor skips one.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: SqliteDatabase;
  private readonly logger: ProjectionLogger;
  private readonly retry: RetryPolicy;
  private readonly maxBatchSize: number;
  private readonly checkpoints: CheckpointTable;
  private readonly runs: readonly Run[];
  private readonly listeners = new Set<CommitListener>();
  private readonly waiters = new Set<Waiter>();
  private running = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.db = options.database;
    this.logger = options.logger;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    const names = new Set<string>();
    for (const projection of options.projections) {
      if (names.has(projection.name)) throw new Error(`Two projections are named "${projection.name}"`);
      names.add(projection.name);
    }
    this.checkpoints = new CheckpointTable(this.db);
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
   * Brings every projection's tables to its version (rebuilding those whose version changed)
   * and starts following the log. Returns without waiting for the projections to catch up.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error('The projection runner is already running');
    this.running = true;
    this.stopping = false;
    for (const run of this.runs) {
      try {
        this.prepare(run);
      } catch (error) {
        this.fail(run, error, undefined);
      }
    }
    for (const run of this.runs) {
      if (run.status !== 'failed') run.loop = this.follow(run);
    }
    this.logger.info({ projections: this.status() }, 'Projections started');
  }

  /** Closes the subscriptions and returns once no projection writes any more. */
  stop(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.runs.map((run) => this.closeSubscription(run)));
    await Promise.all(this.runs.map((run) => run.loop));
    for (const run of this.runs) {
      run.loop = undefined;
      if (run.status === 'failed') continue;
      run.status = 'stopped';
      this.checkpoints.setStatus(run.projection.name, 'stopped');
    }
    for (const waiter of this.waiters) {
      this.settleWaiter(waiter, new ProjectionLagError(waiter.position, this.lagging(waiter), 'the projections were stopped'));
    }
    this.running = false;
    this.stopped = undefined;
    this.logger.info({ projections: this.runs.map((run) => run.projection.name) }, 'Projections stopped');
  }

  /** Where the named projection stands: the position of the last event it applied or skipped. */
  positionOf(name: string): Position | null {
    const run = this.runs.find((candidate) => candidate.projection.name === name);
    if (run === undefined) throw new Error(`No projection is named "${name}"`);
    return run.position;
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

  /** No projection has failed: the read models are current or on their way. */
  isHealthy(): boolean {
    return this.runs.every((run) => run.status !== 'failed');
  }

  /**
   * Resolves once every relevant projection has applied the log up to `position`; rejects with
   * ProjectionLagError after `timeoutMs`, and at once with ProjectionFailedError when a relevant
   * projection has failed (it would never get there).
   */
  waitFor(position: Position, options: WaitForOptions): Promise<void> {
    const runs = this.relevantRuns(options);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { position, runs, resolve, reject };
      if (this.check(waiter)) return;
      // setTimeout would read Infinity as 1 ms.
      if (Number.isFinite(options.timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.settleWaiter(waiter, new ProjectionLagError(position, this.lagging(waiter), `not within ${options.timeoutMs} ms`));
        }, options.timeoutMs);
      }
      this.waiters.add(waiter);
    });
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
    for (const run of runs) this.restart(run);
    const consumers = new Map<string, Run[]>();
    for (const run of runs) {
      for (const type of run.projection.eventTypes) consumers.set(type, [...(consumers.get(type) ?? []), run]);
    }
    const eventTypes = [...consumers.keys()];
    const head = await this.store.headPosition();
    let position: Position | null = null;
    let events = 0;
    for (;;) {
      const page = await this.store.readAll({ ...(position === null ? {} : { fromPosition: position }), eventTypes, maxCount: REBUILD_PAGE_SIZE });
      const last = page.at(-1);
      if (last === undefined) break;
      this.applyToAll(runs, consumers, page, last.position);
      position = last.position;
      events += page.length;
      onProgress?.({ events, position, head });
      if (page.length < REBUILD_PAGE_SIZE) break;
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
  }

  private prepare(run: Run): void {
    const { name, version } = run.projection;
    const checkpoint = this.checkpoints.get(name);
    if (checkpoint?.version === version) {
      run.projection.setup(this.db);
      run.position = checkpoint.position;
      run.status = 'catching-up';
      run.error = undefined;
      this.checkpoints.setStatus(name, 'catching-up');
      return;
    }
    this.restart(run);
    this.logger.info(
      { projection: name, version, previousVersion: checkpoint?.version ?? null },
      `Projection "${name}" rebuilds from the start of the log`,
    );
  }

  /** Drops the projection's rows and progress in one transaction, so a crash cannot keep half. */
  private restart(run: Run): void {
    const { projection } = run;
    this.db.transaction(() => {
      projection.reset(this.db);
      projection.setup(this.db);
      this.checkpoints.restart(projection.name, projection.version);
    })();
    run.position = null;
    run.status = 'catching-up';
    run.error = undefined;
  }

  /** Follows the log until stopped or failed; a broken subscription is opened again from the checkpoint. */
  private async follow(run: Run): Promise<void> {
    const { name } = run.projection;
    let failures = 0;
    while (!this.stopping && run.status !== 'failed') {
      try {
        run.subscription = this.store.subscribeToAll({
          ...(run.position === null ? {} : { fromPosition: run.position }),
          eventTypes: run.projection.eventTypes,
        });
        await this.consume(run, run.subscription, () => {
          failures = 0;
        });
      } catch (error) {
        // Closing a subscription may end its iteration with an error: not a failure when stopping.
        if (this.stopping) break;
        failures += 1;
        if (failures > this.retry.attempts) {
          this.fail(run, error, undefined);
          break;
        }
        this.logger.warn({ projection: name, position: run.position, err: error }, `Projection "${name}" lost its subscription; resubscribing`);
        await pause(this.retry.delayMs(failures));
      } finally {
        await this.closeSubscription(run);
      }
    }
  }

  private async consume(run: Run, subscription: AllSubscription, onProgress: () => void): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
    for (;;) {
      const waiting = pending ?? iterator.next();
      pending = undefined;
      let first = await Promise.race([waiting, nextMacrotask()]);
      if (first === IDLE) {
        this.markLive(run);
        first = await waiting;
      }
      if (this.stopping) return;
      if (first.done) throw new Error('The subscription ended');

      // Whatever the subscription can hand over before the next turn of the event loop is a
      // backlog: it goes into one transaction. A live append arrives alone and is applied at once.
      const batch = [first.value];
      const idle = nextMacrotask();
      let caughtUp = false;
      while (batch.length < this.maxBatchSize) {
        const next = iterator.next();
        const result = await Promise.race([next, idle]);
        if (result === IDLE || result.done) {
          pending = next;
          caughtUp = result === IDLE;
          break;
        }
        batch.push(result.value);
      }
      if (this.stopping) return;
      if (!(await this.commit(run, batch))) return;
      onProgress();
      if (caughtUp) this.markLive(run);
    }
  }

  /**
   * Applies a batch in one transaction. When an event throws, the batch is rolled back and
   * applied again one message at a time, each event with a few tries of its own, so a fault
   * that passes does not stop the projection and one that stays is pinned to its event.
   * Returns false when the projection failed (or the runner stopped during a retry pause).
   */
  private async commit(run: Run, messages: readonly SubscriptionMessage[]): Promise<boolean> {
    const batch = this.tryApply(run, messages);
    if (batch.ok) {
      this.committed(run, batch.position, batch.events);
      return true;
    }
    for (const message of messages) {
      for (let tries = 1; ; tries++) {
        const single = this.tryApply(run, [message]);
        if (single.ok) {
          this.committed(run, single.position, single.events);
          break;
        }
        if (tries >= this.retry.attempts) {
          this.fail(run, single.error, single.message);
          return false;
        }
        await pause(this.retry.delayMs(tries));
        if (this.stopping) return false;
      }
    }
    return true;
  }

  private tryApply(run: Run, messages: readonly SubscriptionMessage[]): Attempt {
    const { projection } = run;
    let current: SubscriptionMessage | undefined;
    try {
      return this.db.transaction((): Attempt => {
        let position = run.position;
        const events: RecordedEvent[] = [];
        for (const message of messages) {
          current = message;
          const at = message.kind === 'event' ? message.event.position : message.position;
          // A store may deliver again what it already delivered (after a resubscription):
          // the checkpoint says it is in the rows already.
          if (position !== null && this.store.comparePositions(at, position) <= 0) continue;
          if (message.kind === 'event') {
            projection.handle(message.event, this.db);
            events.push(message.event);
          }
          position = at;
        }
        current = undefined;
        if (position !== null && position !== run.position) {
          this.checkpoints.advance(projection.name, position, run.status);
        }
        return { ok: true, position, events };
      })();
    } catch (error) {
      return { ok: false, error, message: current };
    }
  }

  private committed(run: Run, position: Position | null, events: readonly RecordedEvent[]): void {
    run.position = position;
    for (const waiter of this.waiters) this.check(waiter);
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
    this.checkpoints.setStatus(run.projection.name, 'live');
    this.logger.info({ projection: run.projection.name, position: run.position }, `Projection "${run.projection.name}" is live`);
  }

  private fail(run: Run, error: unknown, message: SubscriptionMessage | undefined): void {
    const { name, version } = run.projection;
    const reason = error instanceof Error ? error.message : String(error);
    const event = message?.kind === 'event' ? message.event : undefined;
    run.status = 'failed';
    run.error = event === undefined ? reason : `${describeEvent(event)}: ${reason}`;
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
    for (const waiter of this.waiters) this.check(waiter);
  }

  /** Settles the waiter when it can be; true when it was. */
  private check(waiter: Waiter): boolean {
    const failed = waiter.runs.find((run) => run.status === 'failed');
    if (failed) {
      this.settleWaiter(waiter, new ProjectionFailedError(failed.projection.name, failed.error ?? 'unknown error'));
      return true;
    }
    try {
      const reached = waiter.runs.every(
        (run) => run.position !== null && this.store.comparePositions(run.position, waiter.position) >= 0,
      );
      if (!reached) return false;
    } catch (error) {
      this.settleWaiter(waiter, error instanceof Error ? error : new Error(String(error)));
      return true;
    }
    this.settleWaiter(waiter, undefined);
    return true;
  }

  private settleWaiter(waiter: Waiter, error: Error | undefined): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    if (error === undefined) waiter.resolve();
    else waiter.reject(error);
  }

  private lagging(waiter: Waiter): { name: string; position: Position | null }[] {
    return waiter.runs
      .filter((run) => run.position === null || this.store.comparePositions(run.position, waiter.position) < 0)
      .map((run) => ({ name: run.projection.name, position: run.position }));
  }

  private relevantRuns(options: WaitForOptions): readonly Run[] {
    if (options.projections !== undefined) return this.runsNamed(options.projections);
    const types = options.eventTypes;
    if (types === undefined) return this.runs;
    return this.runs.filter((run) => run.projection.eventTypes.some((type) => types.includes(type)));
  }

  private runsNamed(names: readonly string[]): readonly Run[] {
    return names.map((name) => {
      const run = this.runs.find((candidate) => candidate.projection.name === name);
      if (run === undefined) throw new Error(`No projection is named "${name}"`);
      return run;
    });
  }

  private async closeSubscription(run: Run): Promise<void> {
    const subscription = run.subscription;
    if (subscription === undefined) return;
    run.subscription = undefined;
    try {
      await subscription.close();
    } catch (error) {
      this.logger.warn({ projection: run.projection.name, err: error }, 'Closing a subscription failed');
    }
  }
}

function describeEvent(event: RecordedEvent): string {
  return `${event.type} ${event.stream}@${event.revision} (position ${event.position}, id ${event.id})`;
}

function nextMacrotask(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(resolve, IDLE));
}

function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
