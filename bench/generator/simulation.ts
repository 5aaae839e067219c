import { NO_STREAM, type JsonObject, type NewEvent } from '#event-store';
import { reasonCatalogAggregate, REASONS_STREAM, type ReasonCatalog, type ReasonCommand, type ReasonKind } from '#reasons';
import type { Actor, Aggregate, CommandContext, DomainEvent } from '#shared';
import { Random } from '../random.js';

/** One command's events, appended in one go at the revision the command was decided on. */
export interface CommandBatch {
  readonly stream: string;
  /** The revision of the stream's last event when the command was decided, or NO_STREAM. */
  readonly expectedRevision: number | typeof NO_STREAM;
  readonly events: readonly NewEvent[];
}

/** An aggregate instance as the simulation keeps it between its commands. */
export interface Slot<State> {
  state: State;
  /** Revision of the stream's last event; null while the stream has none. */
  revision: number | null;
}

/** A process asks to be resumed at a simulated instant (epoch ms). */
export interface Wait {
  readonly at: number;
}

/** A story of the simulation (a deal's life, a quarter's goals): it waits and runs commands. */
export type Process = Generator<Wait | CommandBatch, void, void>;

export const wait = (at: number): Wait => ({ at });

interface Scheduled {
  readonly at: number;
  /** Breaks ties in the order of scheduling, so that the history does not depend on the heap. */
  readonly sequence: number;
  readonly process: Process;
}

/**
 * A discrete-event simulation on a simulated clock: processes wait for instants and run commands
 * through the real deciders, the earliest first, so the log comes out in the order the service
 * would have recorded it. What each command appends is exactly what `handleCommand` would append:
 * the same events, and the same metadata (actor, team, recordedAt at the simulated now,
 * correlationId, causationId), with ids drawn from the seeded generator instead of randomUUID.
 */
export class Simulation {
  /** The simulated now, epoch ms. */
  now: number;
  readonly random: Random;
  readonly catalog: Slot<ReasonCatalog> = { state: reasonCatalogAggregate.decider.initialState(), revision: null };
  private readonly queue: Scheduled[] = [];
  private sequence = 0;
  private activeReasons = new Map<ReasonKind, string[]>();

  constructor(
    random: Random,
    /** The first instant of the history. */
    readonly start: number,
    /** Processes waiting past this instant are dropped: the history ends here. */
    readonly end: number,
  ) {
    this.random = random;
    this.now = start;
  }

  /** Starts a process at `at` (or now, if that has passed). */
  spawn(at: number, process: Process): void {
    this.push({ at: Math.max(at, this.now), sequence: this.sequence++, process });
  }

  /** Every command batch of the history, in the order of the simulated clock. */
  *run(): Generator<CommandBatch> {
    for (;;) {
      const next = this.pop();
      if (next === undefined) return;
      if (next.at > this.end) continue;
      this.now = next.at;
      for (;;) {
        const step = next.process.next();
        if (step.done) break;
        if ('at' in step.value) {
          this.spawn(step.value.at, next.process);
          break;
        }
        yield step.value;
      }
    }
  }

  /** A request's context: who, now, and a new correlation id. */
  context(actor: Actor): CommandContext {
    return { actor, now: this.now, correlationId: this.random.uuid() };
  }

  /**
   * Decides a command on the slot's state and yields its events as the service would append them;
   * then folds them into the slot. A command that changes nothing appends nothing, as in the service.
   * A refused command throws: the generator only issues commands the service accepts.
   */
  *execute<Command, Event extends DomainEvent, State>(
    aggregate: Aggregate<Command, Event, State>,
    id: string,
    slot: Slot<State>,
    command: Command,
    context: CommandContext,
  ): Generator<CommandBatch, readonly Event[]> {
    const { decider } = aggregate;
    const events = decider.decide(command, slot.state, context);
    if (events.length === 0) return events;
    // handleCommand makes one causation id per command it runs.
    const causationId = this.random.uuid();
    const metadata: JsonObject = {
      actor: context.actor.id,
      team: context.actor.team,
      recordedAt: new Date(context.now).toISOString(),
      correlationId: context.correlationId,
      causationId,
    };
    yield {
      stream: aggregate.streamFor(id),
      expectedRevision: slot.revision ?? NO_STREAM,
      events: events.map((event) => ({ id: this.random.uuid(), type: event.type, data: event.data as JsonObject, metadata })),
    };
    slot.state = events.reduce(decider.evolve, slot.state);
    slot.revision = (slot.revision ?? -1) + events.length;
    return events;
  }

  /** Runs a command on the reason catalog, the one stream every context reads reasons from. */
  *changeCatalog(command: ReasonCommand, context: CommandContext): Generator<CommandBatch> {
    yield* this.execute(reasonCatalogAggregate, REASONS_STREAM, this.catalog, command, context);
    this.activeReasons.clear();
  }

  /** The codes a new command may cite for a kind: defined, not retired. */
  active(kind: ReasonKind): readonly string[] {
    let codes = this.activeReasons.get(kind);
    if (codes === undefined) {
      codes = Object.values(this.catalog.state)
        .filter((reason) => reason.kind === kind && !reason.retired)
        .map((reason) => reason.code)
        .sort();
      this.activeReasons.set(kind, codes);
    }
    return codes;
  }

  // A binary min-heap on (at, sequence).
  private push(item: Scheduled): void {
    const heap = this.queue;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!earlier(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): Scheduled | undefined {
    const heap = this.queue;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && earlier(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && earlier(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return top;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}

function earlier(a: Scheduled, b: Scheduled): boolean {
  return a.at < b.at || (a.at === b.at && a.sequence < b.sequence);
}
