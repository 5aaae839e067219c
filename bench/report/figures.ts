import { cpus, freemem, loadavg, totalmem } from 'node:os';

// The raw figures of a run, as the results file keeps them. Every measurement notes the load
// average when it started: on a shared machine a figure is read with the load it ran under.

/** The 1-minute load average now. */
export function loadAverage(): number {
  return Number(loadavg()[0]!.toFixed(2));
}

/** Something counted over a time: appends, events read, events projected. */
export interface RateFigure {
  readonly count: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly loadAverage: number;
}

/** Requests driven at a server for a fixed time. */
export interface LoadFigure {
  readonly connections: number;
  /** Responses received, errors included. */
  readonly requests: number;
  readonly seconds: number;
  /** Responses per second. */
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** How long the service stayed busy (with the previous figure's abandoned requests) before this one began. */
  readonly waitedForIdleSeconds?: number;
  /** One request sent alone before the load, timed (a query slower than autocannon waits still gets a figure). */
  readonly aloneMs?: number;
  /** Non-200 answers, answers carrying GraphQL errors, and connection errors. */
  readonly errors: number;
  readonly firstError?: string;
  readonly loadAverage: number;
}

/** A sequence (a mutation, then a query that must see it) timed end to end. */
export interface LatencyFigure {
  readonly clients: number;
  readonly samples: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly loadAverage: number;
}

/** A view of the page opened in a browser, timed from navigation to its figures shown; or why it was not. */
export type PageFigure =
  | {
      /** Each sample's milliseconds, in the order taken. */
      readonly samples: readonly number[];
      readonly firstMs: number;
      readonly p50Ms: number;
      readonly maxMs: number;
      /** Samples whose figures never showed. */
      readonly errors: number;
      readonly firstError?: string;
      readonly loadAverage: number;
    }
  | { readonly skipped: string };

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryMb: number;
  readonly freeMemoryMb: number;
  readonly node: string;
  readonly platform: string;
  readonly loadAverageAtStart: readonly number[];
  loadAverageAtEnd?: readonly number[];
}

export function machine(): Machine {
  const [first] = cpus();
  return {
    cpu: first?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
  };
}

/** Nearest rank: the ⌈q·n⌉-th smallest of the samples. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Everything a run measured. */
export interface RunFigures {
  readonly history: {
    readonly requestedEvents: number;
    readonly events: number;
    readonly deals: number;
    readonly commands: number;
    readonly seed: number;
    readonly from: string;
    readonly until: string;
    /** null when an earlier history of the same seed and size was reused. */
    readonly writing: RateFigure | null;
    readonly eventTypes: Readonly<Record<string, number>>;
  };
  /** Before and after the subjects they are held against. */
  readonly readAndParse: RateFigure[];
  readonly appendsFull: RateFigure[];
  readonly appendsNormal: RateFigure[];
  readonly bareApollo: LoadFigure[];
  catchUp?: {
    /** From starting the process to its GraphQL endpoint answering. */
    readonly listeningSeconds: number;
    /** From starting the process to every projection live. */
    readonly liveSeconds: number;
    readonly events: number;
    readonly eventsPerSecond: number;
    readonly peakRssMb: number;
  };
  rebuild?: {
    readonly seconds: number;
    readonly wallSeconds: number;
    readonly events: number;
    readonly eventsPerSecond: number;
    readonly peakRssMb: number;
    readonly loadAverage: number;
  };
  /** By subject key; health is measured before and after the queries. */
  readonly load: Record<string, LoadFigure[]>;
  readonly readYourWrites: Record<string, LatencyFigure>;
  /** The goal view's first render in a browser. */
  goalView?: PageFigure;
  /** The service's peak RSS over the load phase (it was restarted after catching up). */
  servicePeakRssMb?: number;
}
