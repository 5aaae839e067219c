import { freshKey, QUERY_SUBJECTS } from '../load/subjects.js';
import type { LatencyFigure, LoadFigure, PageFigure, RateFigure, RunFigures } from './figures.js';

/** A figure with its unit: "req/s", "ms", "events/s", "MB", "s". */
export interface Measure {
  readonly value: number;
  readonly unit: string;
}

export type Target =
  /** The figure divided by its baseline is at least `min`. */
  | { readonly kind: 'ratio'; readonly min: number }
  /** The figure is below `max` (latency, memory, time). */
  | { readonly kind: 'below'; readonly max: number };

export interface Row {
  readonly subject: string;
  readonly figure: Measure;
  readonly baseline?: { readonly name: string; readonly figure: Measure };
  readonly target?: Target;
  /** False when the target is for another size of history: shown, not judged. */
  readonly applies?: boolean;
  /** Failed requests behind the figure: a figure with errors has failed, whatever its value. */
  readonly errors?: number;
  /** Said beside the figure. */
  readonly note?: string;
}

export type Met = 'yes' | 'no' | 'n/a' | '';

export function ratio(row: Row): number | undefined {
  if (row.baseline === undefined || !(row.baseline.figure.value > 0)) return undefined;
  return row.figure.value / row.baseline.figure.value;
}

/** Whether the row meets its target: never "yes" for a figure with errors or not measured. */
export function met(row: Row): Met {
  if (row.target === undefined) return (row.errors ?? 0) > 0 ? 'no' : '';
  if ((row.errors ?? 0) > 0 || !Number.isFinite(row.figure.value)) return 'no';
  if (row.applies === false) return 'n/a';
  if (row.target.kind === 'below') return row.figure.value < row.target.max ? 'yes' : 'no';
  const value = ratio(row);
  return value !== undefined && value >= row.target.min ? 'yes' : 'no';
}

export function describeTarget(row: Row): string {
  const { target } = row;
  if (target === undefined) return '';
  const text = target.kind === 'ratio' ? `≥ ${target.min}` : `< ${target.max} ${row.figure.unit}`;
  return row.applies === false ? `${text} (at 1M)` : text;
}

/** The better of the runs of a throughput: the baseline a subject is held against is its best. */
export function best<T extends { readonly perSecond: number }>(runs: readonly T[] | undefined): T | undefined {
  if (runs === undefined || runs.length === 0) return undefined;
  return runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
}

const perSecond = (figure: RateFigure | LoadFigure | LatencyFigure, unit: string): Measure => ({ value: figure.perSecond, unit });

/** Reference runs within this share of a figure count as no slower: a shared machine's noise. */
export const REFERENCE_NOISE = 0.9;

/** The rows of the report, each figure beside its baseline of the same run. */
export function buildRows(figures: RunFigures, reference?: RunFigures): Row[] {
  const rows: Row[] = [];
  const readAndParse = best(figures.readAndParse);
  const readBaseline = readAndParse && { name: 'raw read+parse', figure: perSecond(readAndParse, 'events/s') };
  const atFullSize = figures.history.events >= 1_000_000 * 0.95;

  if (figures.history.writing !== null) {
    rows.push({ subject: 'write the history (NORMAL, one append per command)', figure: perSecond(figures.history.writing, 'events/s') });
  }
  if (figures.catchUp !== undefined) {
    rows.push({
      subject: 'catch-up at first start (to every projection live)',
      figure: { value: figures.catchUp.eventsPerSecond, unit: 'events/s' },
      ...(readBaseline ? { baseline: readBaseline } : {}),
    });
    rows.push({ subject: 'catch-up time', figure: { value: figures.catchUp.liveSeconds, unit: 's' } });
    // The service should answer (health, at least) while its read models catch up.
    rows.push({ subject: 'first answer of the service during catch-up', figure: { value: figures.catchUp.listeningSeconds, unit: 's' } });
    rows.push({ subject: 'catch-up peak RSS', figure: { value: figures.catchUp.peakRssMb, unit: 'MB' }, target: { kind: 'below', max: 512 } });
  }
  if (figures.rebuild !== undefined) {
    rows.push({
      subject: 'rebuild (projections:rebuild)',
      figure: { value: figures.rebuild.eventsPerSecond, unit: 'events/s' },
      ...(readBaseline ? { baseline: readBaseline } : {}),
      target: { kind: 'ratio', min: 0.25 },
    });
    rows.push({ subject: 'rebuild time', figure: { value: figures.rebuild.seconds, unit: 's' }, target: { kind: 'below', max: 60 }, applies: atFullSize });
    rows.push({ subject: 'rebuild peak RSS', figure: { value: figures.rebuild.peakRssMb, unit: 'MB' }, target: { kind: 'below', max: 512 } });
  }

  const bare = best(figures.bareApollo);
  const health = best(figures.load['health']);
  const healthBaseline = health && { name: 'health', figure: perSecond(health, 'req/s') };
  if (health !== undefined) {
    rows.push({
      subject: 'health',
      figure: perSecond(health, 'req/s'),
      ...(bare ? { baseline: { name: 'bare Apollo', figure: perSecond(bare, 'req/s') } } : {}),
      target: { kind: 'ratio', min: 0.6 },
      errors: health.errors + (bare?.errors ?? 0),
    });
  }
  for (const subject of QUERY_SUBJECTS) {
    for (const [key, label] of [
      [subject.key, subject.label],
      [freshKey(subject.key), `${subject.label}, every request new`],
    ] as const) {
      const figure = best(figures.load[key]);
      if (figure === undefined) continue;
      rows.push({
        subject: label,
        figure: perSecond(figure, 'req/s'),
        ...(healthBaseline ? { baseline: healthBaseline } : {}),
        ...(subject.minShareOfHealth === undefined ? {} : { target: { kind: 'ratio', min: subject.minShareOfHealth } }),
        errors: figure.errors,
      });
      rows.push({
        subject: `${label} p99`,
        figure: { value: figure.p99Ms, unit: 'ms' },
        ...(figure.aloneMs === undefined || figure.requests > 0 ? {} : { note: `one request alone: ${Math.round(figure.aloneMs).toLocaleString('en-US')} ms` }),
        ...(subject.maxP99Ms === undefined ? {} : { target: { kind: 'below', max: subject.maxP99Ms } }),
        errors: figure.errors,
      });
    }
  }

  const full = best(figures.appendsFull);
  for (const key of ['openDeal', 'recordTouch']) {
    const figure = best(figures.load[key]);
    if (figure === undefined) continue;
    const label = `${key} (${figure.connections} clients, FULL)`;
    rows.push({
      subject: label,
      figure: perSecond(figure, 'req/s'),
      ...(full ? { baseline: { name: 'raw FULL appends', figure: perSecond(full, 'rows/s') } } : {}),
      target: { kind: 'ratio', min: 0.5 },
      errors: figure.errors,
    });
    rows.push({
      subject: `${label} vs health`,
      figure: perSecond(figure, 'req/s'),
      ...(healthBaseline ? { baseline: healthBaseline } : {}),
      target: { kind: 'ratio', min: 0.5 },
      errors: figure.errors,
    });
    rows.push({ subject: `${label} p99`, figure: { value: figure.p99Ms, unit: 'ms' }, errors: figure.errors });
  }
  const normal = best(figures.appendsNormal);
  if (normal !== undefined) rows.push({ subject: 'raw NORMAL appends (for scale)', figure: perSecond(normal, 'rows/s') });

  for (const [key, max] of [['oneClient', 20], ['eightClients', 50]] as const) {
    const figure = figures.readYourWrites[key];
    if (figure === undefined) continue;
    rows.push({
      subject: `read-your-writes p99, ${figure.clients} client${figure.clients === 1 ? '' : 's'}`,
      figure: { value: figure.p99Ms, unit: 'ms' },
      target: { kind: 'below', max },
      errors: figure.errors,
    });
  }
  if (figures.goalView !== undefined) rows.push(goalViewRow(figures.goalView));
  if (figures.servicePeakRssMb !== undefined) {
    rows.push({ subject: 'service peak RSS (load)', figure: { value: figures.servicePeakRssMb, unit: 'MB' }, target: { kind: 'below', max: 512 } });
  }

  if (reference !== undefined) rows.push(...referenceRows(figures, reference));
  return rows;
}

/** The slowest of the samples is held to the target: each first render should show its figures within 1 s (PRODUCT §10). */
function goalViewRow(figure: PageFigure): Row {
  const subject = 'goal view first render in a browser (slowest sample)';
  if ('skipped' in figure) return { subject, figure: { value: Number.NaN, unit: 'ms' }, note: `skipped: ${figure.skipped}` };
  const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
  return {
    subject,
    figure: { value: figure.maxMs, unit: 'ms' },
    target: { kind: 'below', max: 1000 },
    errors: figure.errors,
    note: `${figure.samples.length} tabs, first ${ms(figure.firstMs)}, median ${ms(figure.p50Ms)}${figure.firstError === undefined ? '' : `; ${figure.firstError}`}`,
  };
}

/** Each query's throughput held against the same query in an earlier run (e.g. today's code at 2k events). */
function referenceRows(figures: RunFigures, reference: RunFigures): Row[] {
  const name = `${formatCount(reference.history.requestedEvents)}-event reference`;
  const rows: Row[] = [];
  for (const { key, label } of [{ key: 'health', label: 'health' }, ...QUERY_SUBJECTS]) {
    const now = best(figures.load[key]);
    const then = best(reference.load[key]);
    if (now === undefined || then === undefined) continue;
    rows.push({
      subject: `${label} vs reference`,
      figure: perSecond(now, 'req/s'),
      baseline: { name, figure: perSecond(then, 'req/s') },
      target: { kind: 'ratio', min: REFERENCE_NOISE },
      errors: now.errors,
    });
  }
  return rows;
}

export function formatCount(count: number): string {
  if (count >= 1_000_000 && count % 100_000 === 0) return `${count / 1_000_000}M`;
  if (count >= 1_000 && count % 1_000 === 0) return `${count / 1_000}k`;
  return count.toLocaleString('en-US');
}
