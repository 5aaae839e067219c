import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '#api';
import { parseArgs, USAGE, type BenchOptions } from './args.js';
import type { HistoryManifest } from './generator/history.js';
import { ensureHistory } from './generator/write-history.js';
import { measure, say } from './phases.js';
import { loadAverage, machine, type RunFigures } from './report/figures.js';
import { buildRows, describeTarget, formatCount, met, ratio } from './report/rows.js';
import { formatTable } from './report/table.js';

// npm run bench [-- --events 1M]: writes a realistic history through the event store, then
// measures the service on it, each figure beside a baseline measured in the same run.

const DEFAULT_REFERENCE = 'bench/reference/2k.json';

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const host = machine();
  const temporary = options.dataDir === undefined;
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-bench-')));
  mkdirSync(dataDir, { recursive: true });
  const reference = loadReference(options);
  try {
    const { manifest, writing } = await prepareHistory(dataDir, options);
    const figures: RunFigures = {
      history: {
        requestedEvents: options.events,
        events: manifest.events,
        deals: manifest.deals,
        commands: manifest.commands,
        seed: manifest.seed,
        from: manifest.from,
        until: manifest.until,
        writing,
        eventTypes: manifest.eventTypes,
      },
      readAndParse: [],
      appendsFull: [],
      appendsNormal: [],
      bareApollo: [],
      load: {},
      readYourWrites: {},
    };
    await measure(dataDir, options, manifest, figures);
    host.loadAverageAtEnd = [loadAverage()];
    report(options, host, figures, reference, dataDir);
  } finally {
    if (temporary && !options.keep) rmSync(dataDir, { recursive: true, force: true });
    else say(`data directory kept: ${dataDir}`);
  }
}

/** Writes the history, or reuses the one already in the data directory when it is the same. */
async function prepareHistory(dataDir: string, options: BenchOptions): Promise<{ manifest: HistoryManifest; writing: RunFigures['history']['writing'] }> {
  say(`the history of about ${formatCount(options.events)} events (seed ${options.seed}) in ${dataDir}`);
  const { manifest, written } = await ensureHistory(dataDir, { seed: options.seed, events: options.events, until: options.until });
  if (written === undefined) {
    say(`reusing the history in ${dataDir}: ${manifest.events} events (plus the writes of earlier runs' load)`);
    return { manifest, writing: null };
  }
  say(`${manifest.events} events of ${manifest.deals} deals in ${written.seconds.toFixed(1)} s`);
  return {
    manifest,
    writing: { count: manifest.events, seconds: written.seconds, perSecond: written.eventsPerSecond, loadAverage: loadAverage() },
  };
}

function loadReference(options: BenchOptions): RunFigures | undefined {
  const file = options.reference ?? (existsSync(DEFAULT_REFERENCE) ? DEFAULT_REFERENCE : undefined);
  if (file === undefined) return undefined;
  const { figures } = JSON.parse(readFileSync(file, 'utf8')) as { figures: RunFigures };
  // A run is not its own reference.
  return figures.history.requestedEvents === options.events && options.reference === undefined ? undefined : figures;
}

function report(options: BenchOptions, host: ReturnType<typeof machine>, figures: RunFigures, reference: RunFigures | undefined, dataDir: string): void {
  const rows = buildRows(figures, reference);
  const date = new Date();
  const lines = [
    `Tandem bench, ${date.toISOString()}`,
    `history: ${figures.history.events.toLocaleString('en-US')} events (asked ${formatCount(options.events)}), ${figures.history.deals.toLocaleString('en-US')} deals, seed ${figures.history.seed}, ${figures.history.from.slice(0, 10)} to ${figures.history.until.slice(0, 10)}`,
    `machine: ${host.cpu}, ${host.cores} cores, ${host.memoryMb} MB, Node ${host.node}; load average ${host.loadAverageAtStart[0]} at start, ${host.loadAverageAtEnd?.[0]} at end`,
    `load: ${options.duration} s per figure after a warm-up, ${options.connections} connections for queries, ${options.writers} for mutations (autocannon)`,
    '',
    formatTable(rows),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  mkdirSync(options.resultsDir, { recursive: true });
  const file = join(options.resultsDir, `${date.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
  const results = {
    date: date.toISOString(),
    options: { ...options, until: new Date(options.until).toISOString(), dataDir },
    machine: host,
    figures,
    rows: rows.map((row) => ({ ...row, ratio: ratio(row) ?? null, target: describeTarget(row), met: met(row) })),
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  say(`results written to ${file}`);
}

runCli(main);
