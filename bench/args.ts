import { DAY_MS } from '#shared';

export interface BenchOptions {
  /** About how many events the history holds. */
  readonly events: number;
  readonly seed: number;
  /** The end of the history, epoch ms (a UTC midnight). */
  readonly until: number;
  /** Seconds each load figure runs. */
  readonly duration: number;
  /** Concurrent connections of the query load. */
  readonly connections: number;
  /** Concurrent clients of the mutation load. */
  readonly writers: number;
  /** Where the history is written (or found, when it holds one of the same seed and size); a new temporary folder when absent. */
  readonly dataDir: string | undefined;
  /** Keep the temporary data directory after the run. */
  readonly keep: boolean;
  /** An earlier results file to hold the figures against ("nothing slower than before"). */
  readonly reference: string | undefined;
  readonly resultsDir: string;
  /** Run the service with --cpu-prof into this folder. */
  readonly profile: string | undefined;
  /** Only these load subjects (by key); all when absent. */
  readonly only: readonly string[] | undefined;
  readonly help: boolean;
}

export const USAGE = `npm run bench [-- options]

  --events <n>        size of the generated history: 100k (default), 1M, or a number
  --seed <n>          seed of the history (default 42)
  --until <date>      last day of the history, YYYY-MM-DD (default: yesterday, UTC)
  --duration <s>      seconds of load per figure (default 10)
  --connections <n>   connections of the query load (default 10)
  --writers <n>       concurrent clients of the mutation load (default 8)
  --data-dir <dir>    write the history there, or reuse the one there of the same seed and size
  --keep              keep the temporary data directory
  --reference <file>  an earlier results file to compare with (default bench/reference/2k.json if present)
  --results-dir <dir> where the results JSON goes (default bench/results)
  --profile <dir>     run the service with --cpu-prof, profiles into <dir>
  --only <keys>       comma-separated subjects to run (e.g. scoreboard,reasonInsights,goalView)
  --help`;

/** `100k`, `1M`, `2.5k`, `250000`, `250_000` → a whole number. */
export function parseCount(value: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(value.replaceAll('_', ''));
  if (match === null) throw new Error(`${name} must be a number such as 100k, 1M or 250000, got "${value}"`);
  const scale = { '': 1, k: 1_000, K: 1_000, m: 1_000_000, M: 1_000_000 }[match[2]!]!;
  const count = Math.round(Number(match[1]) * scale);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`${name} must be at least 1, got "${value}"`);
  return count;
}

function parsePositive(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return number;
}

function parseDay(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`--until must be a date YYYY-MM-DD, got "${value}"`);
  // The history ends at the end of that day.
  return ms + DAY_MS;
}

/**
 * The command line, as `npm run bench -- --events 1M` passes it. Also takes what npm makes of
 * `npm run bench --events=1M` (the environment variable npm_config_events) and of
 * `npm run bench --events 1M` (a flag npm keeps, and a lone `1M` that reaches the script).
 */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, now = Date.now()): BenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  const valued = new Set(['events', 'seed', 'until', 'duration', 'connections', 'writers', 'data-dir', 'reference', 'results-dir', 'profile', 'only']);
  const boolean = new Set(['keep', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (boolean.has(name)) {
      flags.add(name);
      continue;
    }
    if (!valued.has(name)) throw new Error(`Unknown option --${name}\n\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  for (const name of boolean) {
    if (env[`npm_config_${name}`] === 'true') flags.add(name);
  }
  for (const name of valued) {
    const fromNpm = env[`npm_config_${name.replaceAll('-', '_')}`];
    if (values.has(name) || fromNpm === undefined || fromNpm === '' || fromNpm === 'true') continue;
    values.set(name, fromNpm);
  }
  if (positional.length > 1) throw new Error(`Unexpected arguments: ${positional.join(' ')}\n\n${USAGE}`);
  const events = values.get('events') ?? positional[0] ?? '100k';
  if (values.has('events') && positional.length > 0) throw new Error(`Unexpected argument: ${positional[0]}`);

  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const get = (name: string) => values.get(name);
  return {
    events: parseCount(events, '--events'),
    seed: get('seed') === undefined ? 42 : parseCount(get('seed')!, '--seed'),
    until: get('until') === undefined ? today : parseDay(get('until')!),
    duration: get('duration') === undefined ? 10 : parsePositive(get('duration')!, '--duration'),
    connections: get('connections') === undefined ? 10 : parseCount(get('connections')!, '--connections'),
    writers: get('writers') === undefined ? 8 : parseCount(get('writers')!, '--writers'),
    dataDir: get('data-dir'),
    keep: flags.has('keep'),
    reference: get('reference'),
    resultsDir: get('results-dir') ?? 'bench/results',
    profile: get('profile'),
    only: get('only')?.split(',').map((key) => key.trim()).filter((key) => key !== ''),
    help: flags.has('help'),
  };
}
