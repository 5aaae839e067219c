import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { issueToken, readDevSecret, teamOf } from '#identity';
import { readCheckpoints, type RebuildProgress } from '#projections';
import { configOrExit } from './cli.js';
import type { AppConfig } from './config.js';
import { lockDataDir } from './core/data-dir-lock.js';
import { openEventStore, openReadModelDatabase } from './core/infrastructure.js';
import { loggerFor } from './logger.js';
import { headWithin } from './observability/projection-lag.js';
import { PROJECTIONS } from './projections.js';
import { rebuildProjections } from './rebuild.js';
import { backupDataDir } from './tools/backup.js';
import { exportLog, importLog } from './tools/log-transfer.js';

// npm run tandem -- <command> [arguments]: the operator's tools, on the configured DATA_DIR and
// event store (the same environment as the service).

const USAGE = `Usage: npm run tandem -- <command>

  projections:status               each read model: status, position, lag behind the log, last error
  projections:rebuild [name ...]   empty the read models (all, or those named) and project the log again
                                   (offline: refuses while a service runs on DATA_DIR)
  tokens:issue --team SALES [--lead] [--days 30] [--sub id] [--name "Full Name"]
                                   print a token signed with AUTH_JWT_SECRET (or this DATA_DIR's
                                   development secret outside production)
  export <file.ndjson>             write the whole log, one event a line (safe while the service runs)
  import <file.ndjson>             append an export into an empty store (offline); positions are the target's
  backup [folder]                  copy the SQLite files, consistent while the service runs
                                   (default: ./backups/tandem-<time>)`;

interface Args {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[index + 1];
    if (inline !== undefined) options.set(name, inline);
    else if (next !== undefined && !next.startsWith('--') && name !== 'lead') options.set(name, argv[++index]!);
    else options.set(name, true);
  }
  return { positional, options };
}

const COMMANDS: Record<string, (config: AppConfig, args: Args) => Promise<void>> = {
  'projections:status': status,
  'projections:rebuild': rebuild,
  'tokens:issue': tokens,
  export: exportCommand,
  import: importCommand,
  backup,
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const run = COMMANDS[command];
  if (run === undefined) fail(`unknown command "${command}"\n\n${USAGE}`);
  const config = configOrExit();
  try {
    await run(config, parseArgs(rest));
  } catch (error) {
    fail(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function status(config: AppConfig): Promise<void> {
  const store = await openEventStore(config);
  try {
    const head = await headWithin(store, 5_000);
    const database = openReadModelDatabase(config);
    const checkpoints = new Map(readCheckpoints(database).map((checkpoint) => [checkpoint.name, checkpoint]));
    database.close();
    const rows = PROJECTIONS.map((projection) => {
      const checkpoint = checkpoints.get(projection.name);
      const position = checkpoint?.position ?? null;
      const lag = head !== null && /^\d+$/.test(head) ? Number(head) - Number(position ?? 0) : null;
      const version = checkpoint === undefined ? 'never run' : checkpoint.version === projection.version ? `v${projection.version}` : `v${checkpoint.version} (rebuilds to v${projection.version} at next start)`;
      return [projection.name, checkpoint?.status ?? '-', version, position ?? '-', lag === null ? '-' : String(lag), checkpoint?.lastError ?? ''];
    });
    process.stdout.write(`log head: ${head ?? 'empty'} (${config.eventStore})\n${table(['projection', 'status', 'version', 'position', 'lag', 'last error'], rows)}`);
  } finally {
    await store.close();
  }
}

async function rebuild(config: AppConfig, args: Args): Promise<void> {
  const started = performance.now();
  let shown = 0;
  const progress = ({ events, position, head }: RebuildProgress) => {
    const now = performance.now();
    if (now - shown < 250 && position !== head) return;
    shown = now;
    // SQLite positions are event numbers; another store's are opaque, so no share is shown for them.
    const share = /^\d+$/.test(position) && head !== null && /^\d+$/.test(head) ? ` ${((100 * Number(position)) / Number(head)).toFixed(0)}%` : '';
    const rate = Math.round(events / Math.max((now - started) / 1000, 0.001));
    process.stderr.write(`\rrebuilding read models:${share} ${events.toLocaleString('en')} events, ${rate.toLocaleString('en')} events/s   `);
  };
  const states = await rebuildProjections(config, loggerFor(config), args.positional, progress);
  process.stderr.write('\n');
  process.stdout.write(table(['projection', 'position'], states.map(({ name, position }) => [name, position ?? '-'])));
}

async function tokens(config: AppConfig, args: Args): Promise<void> {
  const { jwtSecret, jwksUrl, issuer, audience } = config.auth;
  if (jwksUrl !== undefined) throw new Error('this service verifies tokens against AUTH_JWKS_URL: its identity provider issues them');
  const secret = jwtSecret ?? (config.production ? undefined : readDevSecret(config.dataDir));
  if (secret === undefined) throw new Error('no secret to sign with: set AUTH_JWT_SECRET (or start the service once without auth configuration to make a development secret)');
  const team = teamOf(stringOption(args, 'team'));
  const days = Number(stringOption(args, 'days') ?? '30');
  if (!Number.isSafeInteger(days) || days < 1 || days > 3650) throw new Error('--days must be a whole number from 1 to 3650');
  const name = stringOption(args, 'name');
  const lead = args.options.get('lead') === true;
  const sub = stringOption(args, 'sub') ?? `${team.toLowerCase()}${lead ? '-lead' : ''}-cli`;
  const token = await issueToken(secret, { team, lead, lifetime: days, sub, ...(name ? { name } : {}), ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) });
  process.stdout.write(`${token}\n`);
}

async function exportCommand(config: AppConfig, args: Args): Promise<void> {
  const file = required(args, 'a file to write, e.g. npm run tandem -- export tandem.ndjson');
  const store = await openEventStore(config);
  try {
    const count = await exportLog(store, resolve(file), counter('exported'));
    process.stderr.write(`\nexported ${count.toLocaleString('en')} events to ${resolve(file)}\n`);
  } finally {
    await store.close();
  }
}

async function importCommand(config: AppConfig, args: Args): Promise<void> {
  const file = required(args, 'the export to read, e.g. npm run tandem -- import tandem.ndjson');
  const lock = lockDataDir(config.dataDir);
  try {
    const store = await openEventStore(config);
    try {
      const count = await importLog(store, resolve(file), counter('imported'));
      process.stderr.write(`\nimported ${count.toLocaleString('en')} events into ${config.eventStore === 'sqlite' ? config.dataDir : 'EventStoreDB'}; the read models build at the next start\n`);
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
}

async function backup(config: AppConfig, args: Args): Promise<void> {
  if (config.eventStore !== 'sqlite') throw new Error('backup copies the SQLite files; with EVENT_STORE=esdb back up EventStoreDB with its own tools');
  const destination = resolve(args.positional[0] ?? join('backups', `tandem-${new Date().toISOString().replaceAll(':', '-')}`));
  const copied = await backupDataDir(config.dataDir, destination);
  process.stdout.write(`backed up ${copied.join(', ')} to ${destination}\n`);
}

function stringOption(args: Args, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new Error(`--${name} needs a value`);
  return value;
}

function required(args: Args, what: string): string {
  const value = args.positional[0];
  if (value === undefined) throw new Error(`give ${what}`);
  return value;
}

function counter(verb: string): (events: number) => void {
  let shown = 0;
  return (events) => {
    const now = performance.now();
    if (now - shown < 250) return;
    shown = now;
    process.stderr.write(`\r${verb} ${events.toLocaleString('en')} events`);
  };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`;
  return line(header) + rows.map(line).join('');
}

void main();
