import { describe, expect, it } from '@jest/globals';
import type { LoadFigure, RateFigure, RunFigures } from './figures.js';
import { best, buildRows, met, ratio, type Row } from './rows.js';
import { formatTable } from './table.js';

const rate = (perSecond: number): RateFigure => ({ count: perSecond * 10, seconds: 10, perSecond, loadAverage: 1 });
const load = (perSecond: number, p99Ms: number, errors = 0): LoadFigure => ({
  connections: 10, requests: perSecond * 10, seconds: 10, perSecond, p50Ms: p99Ms / 2, p99Ms, maxMs: p99Ms * 2, errors, loadAverage: 1,
});

function figures(overrides: Partial<RunFigures> = {}): RunFigures {
  return {
    history: { requestedEvents: 100_000, events: 100_375, deals: 12_000, commands: 100_000, seed: 42, from: '', until: '', writing: rate(3000), eventTypes: {} },
    readAndParse: [rate(100_000), rate(120_000)],
    appendsFull: [rate(1000)],
    appendsNormal: [rate(8000)],
    bareApollo: [load(5000, 5), load(6000, 4)],
    rebuild: { seconds: 4, wallSeconds: 5, events: 100_375, eventsPerSecond: 25_000, peakRssMb: 300, loadAverage: 1 },
    load: { health: [load(3000, 10), load(3500, 9)], scoreboard: [load(2900, 40)], deals: [load(1000, 80, 3)] },
    readYourWrites: {},
    ...overrides,
  };
}

const row = (rows: Row[], subject: string): Row => {
  const found = rows.find((candidate) => candidate.subject === subject);
  if (found === undefined) throw new Error(`No row "${subject}" in ${rows.map((r) => r.subject).join(', ')}`);
  return found;
};

describe('the report rows', () => {
  it('hold a subject against the best run of its baseline', () => {
    expect(best([rate(1), rate(3), rate(2)])?.perSecond).toBe(3);
    const health = row(buildRows(figures()), 'health');
    expect(health.baseline?.figure.value).toBe(6000);
    expect(health.figure.value).toBe(3500);
    expect(ratio(health)).toBeCloseTo(3500 / 6000);
    expect(met(health)).toBe('no');
  });

  it('meet a ratio target at or above it, a limit strictly below it', () => {
    const rows = buildRows(figures());
    expect(met(row(rows, 'scoreboard (quarter, W_SHAPED)'))).toBe('yes');
    expect(met(row(rows, 'scoreboard (quarter, W_SHAPED) p99'))).toBe('yes');
    expect(met({ subject: 'x', figure: { value: 50, unit: 'ms' }, target: { kind: 'below', max: 50 } })).toBe('no');
    expect(met({ subject: 'x', figure: { value: 4, unit: 'req/s' }, baseline: { name: 'b', figure: { value: 5, unit: 'req/s' } }, target: { kind: 'ratio', min: 0.8 } })).toBe('yes');
  });

  it('fail a figure with errors, however fast', () => {
    const rows = buildRows(figures({ load: { health: [load(3000, 10)], deals: [load(9000, 1, 3)] } }));
    expect(met(row(rows, 'deals(first: 50) with touches'))).toBe('no');
    expect(met(row(rows, 'deals(first: 50) with touches p99'))).toBe('no');
  });

  it('show no latency for a figure without answers, and the time of one request alone', () => {
    const unanswered: LoadFigure = { ...load(0, Number.NaN, 10), aloneMs: 12_345 };
    const rows = buildRows(figures({ load: { health: [load(3000, 10)], scoreboard: [unanswered] } }));
    const p99 = row(rows, 'scoreboard (quarter, W_SHAPED) p99');
    expect(met(p99)).toBe('no');
    expect(formatTable([p99])).toContain('— ms (10 errors); one request alone: 12,345 ms');
  });

  it('show a target for another size without judging it', () => {
    const rows = buildRows(figures());
    expect(met(row(rows, 'rebuild time'))).toBe('n/a');
    const atOneMillion = buildRows(figures({ history: { ...figures().history, events: 1_002_000 } }));
    expect(met(row(atOneMillion, 'rebuild time'))).toBe('yes');
  });

  it('hold the rebuild against raw read-and-parse', () => {
    const rebuild = row(buildRows(figures()), 'rebuild (projections:rebuild)');
    expect(ratio(rebuild)).toBeCloseTo(25_000 / 120_000);
    expect(met(rebuild)).toBe('no');
  });

  it('compare with a reference run when given one', () => {
    const reference = figures({ load: { health: [load(3000, 10)], scoreboard: [load(3000, 30)] } });
    const rows = buildRows(figures(), { ...reference, history: { ...reference.history, requestedEvents: 2000 } });
    const scoreboard = row(rows, 'scoreboard (quarter, W_SHAPED) vs reference');
    expect(scoreboard.baseline?.name).toBe('2k-event reference');
    expect(met(scoreboard)).toBe('yes');
  });

  it("hold the goal view's slowest first render under 1 s, and say when the browser was not there", () => {
    const subject = 'goal view first render in a browser (slowest sample)';
    const measured = (maxMs: number, errors = 0) => ({ samples: [maxMs, 300, 250], firstMs: maxMs, p50Ms: 300, maxMs, errors, loadAverage: 1 });
    const fast = row(buildRows(figures({ goalView: measured(420) })), subject);
    expect(fast.figure).toEqual({ value: 420, unit: 'ms' });
    expect(met(fast)).toBe('yes');
    expect(formatTable([fast])).toContain('420.0 ms; 3 tabs, first 420 ms, median 300 ms');
    expect(met(row(buildRows(figures({ goalView: measured(1000) })), subject))).toBe('no');
    expect(met(row(buildRows(figures({ goalView: { ...measured(400, 1), firstError: 'Timeout 30000ms exceeded.' } })), subject))).toBe('no');

    const skipped = row(buildRows(figures({ goalView: { skipped: 'no browser at /usr/bin/chromium' } })), subject);
    expect(met(skipped)).toBe('');
    expect(formatTable([skipped])).toContain('— ms; skipped: no browser at /usr/bin/chromium');
    expect(buildRows(figures()).some((candidate) => candidate.subject === subject)).toBe(false);
  });

  it('print as a Markdown table with a met column', () => {
    const table = formatTable(buildRows(figures())).split('\n');
    expect(table[0]).toMatch(/^\| subject +\| figure +\| baseline +\| ratio +\| target +\| met +\|$/);
    expect(table[1]).toMatch(/^\|-+\|/);
    expect(table.find((line) => line.startsWith('| deals(first: 50) with touches '))).toContain('(3 errors)');
  });
});
