import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '#api';
import { parseArgs, USAGE, type BenchOptions } from './args.js';
import { startBareApollo, BARE_QUERY } from './baselines/bare-apollo.js';
import { rawAppends, rawReadAndParse } from './baselines/raw-sqlite.js';
import type { HistoryManifest } from './generator/history.js';
import { EVENTS_FILE, readManifest, writeHistory } from './generator/write-history.js';
import { drive, settle } from './load/drive.js';
import { measureReadYourWrites } from './load/read-your-writes.js';
import { ServiceProcess, serviceLogFile } from './load/service.js';
import { graphqlBody, HEALTH_QUERY, OPEN_DEAL, QUERY_SUBJECTS, RECORD_TOUCH } from './load/subjects.js';
import { newSecret, roleTokens, type Role } from './load/tokens.js';
import { timeRebuild } from './rebuild/rebuild.js';
import { loadAverage, machine, type LoadFigure, type RunFigures } from './report/figures.js';
import { buildRows, describeTarget, formatCount, met, ratio } from './report/rows.js';
import { formatTable } from './report/table.js';

// npm run bench [-- --events 1M]: writes a realistic history through the event store, then
// measures the service on it, each figure beside a baseline measured in the same run.

const DEFAULT_REFERENCE = 'bench/reference/2k.json';
/** A first start on 1M events may take a while to catch up. */
const CATCH_UP_TIMEOUT_MS = 60 * 60 * 1000;
const RAW_APPEND_SECONDS = 3;

const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);

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
  const existing = readManifest(dataDir);
  if (existing !== undefined && existsSync(join(dataDir, EVENTS_FILE))) {
    const same = existing.seed === options.seed && existing.requestedEvents === options.events && existing.until === new Date(options.until).toISOString();
    if (!same) throw new Error(`${dataDir} holds another history (seed ${existing.seed}, ${existing.requestedEvents} events, until ${existing.until}); use another --data-dir`);
    say(`reusing the history in ${dataDir}: ${existing.events} events (plus the writes of earlier runs' load)`);
    return { manifest: existing, writing: null };
  }
  say(`writing a history of about ${formatCount(options.events)} events (seed ${options.seed}) into ${dataDir}`);
  const written = await writeHistory(dataDir, { seed: options.seed, events: options.events, until: options.until });
  say(`${written.manifest.events} events of ${written.manifest.deals} deals in ${written.seconds.toFixed(1)} s`);
  return {
    manifest: written.manifest,
    writing: { count: written.manifest.events, seconds: written.seconds, perSecond: written.eventsPerSecond, loadAverage: loadAverage() },
  };
}

async function measure(dataDir: string, options: BenchOptions, manifest: HistoryManifest, figures: RunFigures): Promise<void> {
  const wants = (key: string) => options.only === undefined || options.only.includes(key);
  const eventsFile = join(dataDir, EVENTS_FILE);
  const logFile = serviceLogFile(dataDir);
  const secret = newSecret();
  const tokens = await roleTokens(secret);
  const start = () => ServiceProcess.start({ dataDir, secret, logFile, ...(options.profile === undefined ? {} : { profileDir: resolve(options.profile) }) });

  // Projection: a first start catches up from an empty read-model database, then a rebuild,
  // each held against reading and parsing the log measured right before and right after.
  say('raw read-and-parse of the log');
  figures.readAndParse.push(rawReadAndParse(eventsFile));
  if (wants('catchUp')) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    say('first start of the service: catching up from the log');
    const service = await start();
    try {
      const { listeningSeconds, liveSeconds } = await service.waitUntilLive(tokens.revops, CATCH_UP_TIMEOUT_MS);
      const events = figures.readAndParse[0]!.count;
      figures.catchUp = { listeningSeconds, liveSeconds, events, eventsPerSecond: events / liveSeconds, peakRssMb: service.peakRssMb() };
    } finally {
      await service.stop();
    }
  }
  if (wants('rebuild')) {
    say('projections:rebuild');
    const rebuild = await timeRebuild(dataDir, logFile);
    const events = figures.readAndParse[0]!.count;
    figures.rebuild = { ...rebuild, events, eventsPerSecond: events / rebuild.seconds };
    figures.readAndParse.push(rawReadAndParse(eventsFile));
  }

  // Load, on a second start whose read models are current, so the peak memory is the load's.
  const bare = await startBareApollo();
  const service = await start();
  try {
    await service.waitUntilLive(tokens.revops, CATCH_UP_TIMEOUT_MS);
    const drivePlain = (url: string, query: string, role?: Role): Promise<LoadFigure> =>
      drive({
        url,
        // The service is let go idle before each of its figures; the bare server has nothing to finish.
        ...(role === undefined ? {} : { token: tokens[role], settleToken: tokens.revops }),
        body: graphqlBody(query),
        connections: options.connections,
        seconds: options.duration,
        warmUpSeconds: warmUp(options),
      });
    const record = (key: string, figure: LoadFigure) => {
      (figures.load[key] ??= []).push(figure);
      const waited = figure.waitedForIdleSeconds ?? 0;
      say(
        `${key}: ${figure.perSecond.toFixed(0)} req/s, p99 ${figure.p99Ms} ms` +
          (figure.aloneMs === undefined ? '' : `, alone ${figure.aloneMs.toFixed(0)} ms`) +
          (waited > 1 ? `, after waiting ${waited.toFixed(0)} s for the service to go idle` : '') +
          (figure.errors > 0 ? `, ${figure.errors} errors: ${figure.firstError}` : ''),
      );
    };

    if (wants('health')) {
      say('bare Apollo');
      figures.bareApollo.push(await drivePlain(bare.url, BARE_QUERY));
      record('health', await drivePlain(service.url, HEALTH_QUERY, 'revops'));
    }
    for (const subject of QUERY_SUBJECTS) {
      if (wants(subject.key)) record(subject.key, await drivePlain(service.url, subject.query(manifest.load), subject.role));
    }
    if (wants('health')) {
      record('health', await drivePlain(service.url, HEALTH_QUERY, 'revops'));
      figures.bareApollo.push(await drivePlain(bare.url, BARE_QUERY));
    }
    await bare.child.stop();

    const tag = Date.now().toString(36);
    if (wants('openDeal') || wants('recordTouch')) {
      say('raw single-row appends, FULL and NORMAL');
      await settle(service.url, tokens.revops);
      figures.appendsFull.push(rawAppends(dataDir, 'FULL', RAW_APPEND_SECONDS));
      figures.appendsNormal.push(rawAppends(dataDir, 'NORMAL', RAW_APPEND_SECONDS));
    }
    if (wants('openDeal')) {
      record(
        'openDeal',
        await drive({
          url: service.url,
          token: tokens.sales,
          settleToken: tokens.revops,
          body: (n) =>
            graphqlBody(OPEN_DEAL, {
              input: { id: `bench-${tag}-${n}`, title: `Bench deal ${n}`, account: 'Bench account', segment: 'SMB', source: 'SALES', owner: 'bench', amount: '12000.00' },
            }),
          connections: options.writers,
          seconds: options.duration,
          warmUpSeconds: warmUp(options),
        }),
      );
    }
    if (wants('recordTouch')) {
      const deals = manifest.load.openDealIds;
      const occurredAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
      record(
        'recordTouch',
        await drive({
          url: service.url,
          token: tokens.marketing,
          settleToken: tokens.revops,
          body: (n) =>
            graphqlBody(RECORD_TOUCH, {
              input: { dealId: deals[n % deals.length], touchId: `bench-${tag}-${n}`, team: 'MARKETING', channel: 'webinar', occurredAt },
            }),
          connections: options.writers,
          seconds: options.duration,
          warmUpSeconds: warmUp(options),
        }),
      );
    }
    if (wants('openDeal') || wants('recordTouch')) {
      await settle(service.url, tokens.revops);
      figures.appendsFull.push(rawAppends(dataDir, 'FULL', RAW_APPEND_SECONDS));
    }

    if (wants('readYourWrites')) {
      for (const [key, clients] of [['oneClient', 1], ['eightClients', options.writers]] as const) {
        say(`read-your-writes, ${clients} client(s)`);
        await settle(service.url, tokens.revops);
        const figure = await measureReadYourWrites({ url: service.url, token: tokens.marketing, dealIds: manifest.load.openDealIds, clients, seconds: options.duration, tag: `${tag}-${key}` });
        figures.readYourWrites[key] = figure;
        say(`read-your-writes ${clients}: p99 ${figure.p99Ms.toFixed(1)} ms${figure.errors > 0 ? `, ${figure.errors} errors: ${figure.firstError}` : ''}`);
      }
    }
    figures.servicePeakRssMb = service.peakRssMb();
  } finally {
    await service.stop();
    await bare.child.stop();
  }
}

/** A tenth of each figure's time, at least a second, warms the process before it is measured. */
const warmUp = (options: BenchOptions): number => Math.max(1, Math.round(options.duration / 10));

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
