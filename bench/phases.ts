import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchOptions } from './args.js';
import { BARE_QUERY, startBareApollo } from './baselines/bare-apollo.js';
import { rawAppends, rawReadAndParse } from './baselines/raw-sqlite.js';
import type { HistoryManifest } from './generator/history.js';
import { EVENTS_FILE } from './generator/write-history.js';
import { drive, settle, type DriveOptions } from './load/drive.js';
import { measureGoalView } from './load/goal-view.js';
import { measureReadYourWrites } from './load/read-your-writes.js';
import { ServiceProcess, serviceLogFile } from './load/service.js';
import { everyTimeNew, freshKey, graphqlBody, HEALTH_QUERY, OPEN_DEAL, QUERY_SUBJECTS, RECORD_TOUCH } from './load/subjects.js';
import { newSecret, roleTokens, type Role } from './load/tokens.js';
import { timeRebuild } from './rebuild/rebuild.js';
import type { LoadFigure, RunFigures } from './report/figures.js';

/** A first start on 1M events may take a while to catch up. */
const CATCH_UP_TIMEOUT_MS = 60 * 60 * 1000;
const RAW_APPEND_SECONDS = 3;

export const say = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

/** What every phase of one run shares. */
interface Run {
  readonly dataDir: string;
  readonly options: BenchOptions;
  readonly manifest: HistoryManifest;
  readonly figures: RunFigures;
  readonly tokens: Record<Role, string>;
  readonly wants: (key: string) => boolean;
  readonly startService: () => Promise<ServiceProcess>;
}

/** Measures everything on the history in `dataDir`, into `figures`. */
export async function measure(dataDir: string, options: BenchOptions, manifest: HistoryManifest, figures: RunFigures): Promise<void> {
  const secret = newSecret();
  const profileDir = options.profile === undefined ? {} : { profileDir: resolve(options.profile) };
  const run: Run = {
    dataDir,
    options,
    manifest,
    figures,
    tokens: await roleTokens(secret),
    wants: (key) => options.only === undefined || options.only.includes(key),
    startService: () => ServiceProcess.start({ dataDir, secret, logFile: serviceLogFile(dataDir), ...profileDir }),
  };
  await projection(run);
  // Load, on a second start whose read models are current, so the peak memory is the load's.
  const bare = await startBareApollo();
  const service = await run.startService();
  try {
    await service.waitUntilLive(run.tokens.revops, CATCH_UP_TIMEOUT_MS);
    await queries(run, service, bare.url);
    await bare.child.stop();
    await goalView(run, service);
    await writes(run, service);
    figures.servicePeakRssMb = service.peakRssMb();
  } finally {
    await service.stop();
    await bare.child.stop();
  }
}

/**
 * A first start catches up from an empty read-model database, then a rebuild; both are held
 * against reading and parsing the log, measured right before and right after.
 */
async function projection({ dataDir, figures, tokens, wants, startService }: Run): Promise<void> {
  const eventsFile = join(dataDir, EVENTS_FILE);
  say('raw read-and-parse of the log');
  figures.readAndParse.push(rawReadAndParse(eventsFile));
  const events = figures.readAndParse[0]!.count;
  if (wants('catchUp')) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    say('first start of the service: catching up from the log');
    const service = await startService();
    try {
      const { listeningSeconds, liveSeconds } = await service.waitUntilLive(tokens.revops, CATCH_UP_TIMEOUT_MS);
      figures.catchUp = { listeningSeconds, liveSeconds, events, eventsPerSecond: events / liveSeconds, peakRssMb: service.peakRssMb() };
    } finally {
      await service.stop();
    }
  }
  if (wants('rebuild')) {
    say('projections:rebuild');
    const rebuild = await timeRebuild(dataDir, serviceLogFile(dataDir));
    figures.rebuild = { ...rebuild, events, eventsPerSecond: events / rebuild.seconds };
    figures.readAndParse.push(rawReadAndParse(eventsFile));
  }
}

/** Bare Apollo, health, every query, health, bare Apollo: each query between its baselines. */
async function queries(run: Run, service: ServiceProcess, bareUrl: string): Promise<void> {
  const { options, manifest, figures, tokens, wants } = run;
  const load = (url: string, query: string | ((sequence: number) => string), role?: Role): Promise<LoadFigure> =>
    drive({
      ...loadOptions(run, options.connections),
      url,
      // The service is let go idle before each of its figures; the bare server has nothing to finish.
      ...(role === undefined ? {} : { token: tokens[role], settleToken: tokens.revops }),
      body: typeof query === 'string' ? graphqlBody(query) : (sequence) => graphqlBody(query(sequence)),
    });
  if (wants('health')) {
    say('bare Apollo');
    figures.bareApollo.push(await load(bareUrl, BARE_QUERY));
    record(figures, 'health', await load(service.url, HEALTH_QUERY, 'revops'));
  }
  for (const subject of QUERY_SUBJECTS) {
    if (!wants(subject.key)) continue;
    const query = subject.query(manifest.load);
    record(figures, subject.key, await load(service.url, query, subject.role));
    record(figures, freshKey(subject.key), await load(service.url, (sequence) => everyTimeNew(query, sequence), subject.role));
  }
  if (wants('health')) {
    record(figures, 'health', await load(service.url, HEALTH_QUERY, 'revops'));
    figures.bareApollo.push(await load(bareUrl, BARE_QUERY));
  }
}

/** The goal people open first, in a browser, on the history as it stands before the writes. */
async function goalView({ manifest, figures, tokens, wants }: Run, service: ServiceProcess): Promise<void> {
  if (!wants('goalView')) return;
  say('goal view in a browser');
  await settle(service.url, tokens.revops);
  const figure = await measureGoalView({ origin: new URL(service.url).origin, token: tokens.executive, goalId: manifest.load.goalNow.id });
  figures.goalView = figure;
  say(
    'skipped' in figure
      ? `goal view skipped: ${figure.skipped}`
      : `goal view: slowest ${figure.maxMs.toFixed(0)} ms, first ${figure.firstMs.toFixed(0)} ms${figure.errors > 0 ? `, ${figure.errors} errors: ${figure.firstError}` : ''}`,
  );
}

/** Raw FULL appends, openDeal, recordTouch, raw FULL appends; then read-your-writes. */
async function writes(run: Run, service: ServiceProcess): Promise<void> {
  const { dataDir, options, manifest, figures, tokens, wants } = run;
  const tag = Date.now().toString(36);
  const deals = manifest.load.openDealIds;
  const writing = wants('openDeal') || wants('recordTouch');
  if (writing) {
    say('raw single-row appends, FULL and NORMAL');
    await settle(service.url, tokens.revops);
    figures.appendsFull.push(rawAppends(dataDir, 'FULL', RAW_APPEND_SECONDS));
    figures.appendsNormal.push(rawAppends(dataDir, 'NORMAL', RAW_APPEND_SECONDS));
  }
  const write = (role: Role, body: (n: number) => string) =>
    drive({ ...loadOptions(run, options.writers), url: service.url, token: tokens[role], settleToken: tokens.revops, body });
  if (wants('openDeal')) {
    const input = (n: number) => ({ id: `bench-${tag}-${n}`, title: `Bench deal ${n}`, account: 'Bench account', segment: 'SMB', source: 'SALES', owner: 'bench', amount: '12000.00' });
    record(figures, 'openDeal', await write('sales', (n) => graphqlBody(OPEN_DEAL, { input: input(n) })));
  }
  if (wants('recordTouch')) {
    const occurredAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    // Round the open deals, so the 8 clients rarely race for one stream.
    const input = (n: number) => ({ dealId: deals[n % deals.length], touchId: `bench-${tag}-${n}`, team: 'MARKETING', channel: 'webinar', occurredAt });
    record(figures, 'recordTouch', await write('marketing', (n) => graphqlBody(RECORD_TOUCH, { input: input(n) })));
  }
  if (writing) {
    await settle(service.url, tokens.revops);
    figures.appendsFull.push(rawAppends(dataDir, 'FULL', RAW_APPEND_SECONDS));
  }
  if (wants('readYourWrites')) {
    for (const [key, clients] of [['oneClient', 1], ['eightClients', options.writers]] as const) {
      say(`read-your-writes, ${clients} client(s)`);
      await settle(service.url, tokens.revops);
      const figure = await measureReadYourWrites({ url: service.url, token: tokens.marketing, dealIds: deals, clients, seconds: options.duration, tag: `${tag}-${key}` });
      figures.readYourWrites[key] = figure;
      say(`read-your-writes ${clients}: p99 ${figure.p99Ms.toFixed(1)} ms${figure.errors > 0 ? `, ${figure.errors} errors: ${figure.firstError}` : ''}`);
    }
  }
}

function loadOptions({ options }: Run, connections: number): Pick<DriveOptions, 'connections' | 'seconds' | 'warmUpSeconds'> {
  // A tenth of each figure's time, at least a second, warms the process before it is measured.
  return { connections, seconds: options.duration, warmUpSeconds: Math.max(1, Math.round(options.duration / 10)) };
}

function record(figures: RunFigures, key: string, figure: LoadFigure): void {
  (figures.load[key] ??= []).push(figure);
  const waited = figure.waitedForIdleSeconds ?? 0;
  say(
    `${key}: ${figure.perSecond.toFixed(0)} req/s, p99 ${figure.p99Ms} ms` +
      (figure.aloneMs === undefined ? '' : `, alone ${figure.aloneMs.toFixed(0)} ms`) +
      (waited > 1 ? `, after waiting ${waited.toFixed(0)} s for the service to go idle` : '') +
      (figure.errors > 0 ? `, ${figure.errors} errors: ${figure.firstError}` : ''),
  );
}
