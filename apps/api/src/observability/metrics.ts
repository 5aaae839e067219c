import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '#event-store';
import type { ProjectionRunner } from '#projections';
import type { CommandObserver } from '#shared/application';
import { headWithin, projectionLags } from './projection-lag.js';

/** Latency buckets in seconds: from a cached read to a command waiting on its read models. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HEAD_TIMEOUT_MS = 2_000;

/**
 * What /metrics serves, in Prometheus' text format: one registry per service instance (tests run
 * several in one process), filled as commands, operations and appends happen, and the
 * projections' positions read at each scrape.
 */
export class Metrics implements CommandObserver {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'tandem_commands_total',
    help: 'Commands run, by type (WinDeal, ...) and outcome (ok or the refusal code).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly commandSeconds = new Histogram({
    name: 'tandem_command_duration_seconds',
    help: 'Time to run a command: read its stream, decide, append, and wait for the read models.',
    labelNames: ['command', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'tandem_graphql_operations_total',
    help: 'GraphQL operations answered, by type, root field and outcome (ok or the first error code).',
    labelNames: ['operation', 'field', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationSeconds = new Histogram({
    name: 'tandem_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  private readonly appendSeconds = new Histogram({
    name: 'tandem_event_store_append_duration_seconds',
    help: 'Time the event store takes to append one command’s events, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });

  private beforeScrape: () => Promise<void> = async () => undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tandem_' });
  }

  /** The series read at each scrape: the head of the log and each projection's place behind it. */
  watch(store: EventStore, projections: ProjectionRunner): void {
    const position = new Gauge({
      name: 'tandem_projection_position',
      help: 'Position of the last event each projection applied or passed.',
      labelNames: ['projection'] as const,
      registers: [],
    });
    const lag = new Gauge({
      name: 'tandem_projection_lag',
      help: 'How far each projection is behind the head of the log (events for SQLite).',
      labelNames: ['projection'] as const,
      registers: [],
    });
    const failed = new Gauge({
      name: 'tandem_projection_failed',
      help: '1 when the projection has stopped on a failure, 0 otherwise.',
      labelNames: ['projection'] as const,
      registers: [],
    });
    const head = new Gauge({
      name: 'tandem_event_store_head_position',
      help: 'Position of the last event in the log.',
      registers: [],
    });
    for (const gauge of [head, position, lag, failed]) this.registry.registerMetric(gauge);
    // Before each scrape, one read of the store sets all of them (a gauge's own collect runs
    // beside the others', too late for them).
    this.beforeScrape = async () => {
      const at = await headWithin(store, HEAD_TIMEOUT_MS).catch(() => undefined);
      if (at === undefined) return;
      if (at !== null) head.set(Number(at));
      for (const state of projectionLags(projections, at)) {
        failed.set({ projection: state.name }, state.status === 'failed' ? 1 : 0);
        if (state.position !== null && /^\d+$/.test(state.position)) position.set({ projection: state.name }, Number(state.position));
        if (state.lag !== null) lag.set({ projection: state.name }, state.lag);
      }
    };
  }

  observe(command: string, outcome: string, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandSeconds.observe({ command, outcome }, seconds);
  }

  operation(operation: string, field: string, outcome: string, seconds: number): void {
    this.operations.inc({ operation, field, outcome });
    this.operationSeconds.observe({ operation, outcome }, seconds);
  }

  append(outcome: string, seconds: number): void {
    this.appendSeconds.observe({ outcome }, seconds);
  }

  /** The text a Prometheus scrape reads. */
  async scrape(): Promise<string> {
    await this.beforeScrape();
    return this.registry.metrics();
  }
}
