import { join } from 'node:path';
import { configOrExit, lockDataDir, runCli } from '#api';
import { DAY_MS } from '#shared';
import { parseCount } from './args.js';
import { ensureHistory } from './generator/write-history.js';
import type { HistoryManifest } from './generator/history.js';

// npm run demo [-- --events 20k] [--seed 7] [--until 2026-06-30]
//
// Two quarters of a company's work in DATA_DIR, from the bench's seeded history: leads handed to
// sales under a qualification agreement, deals touched by both teams, won and lost with reasons
// and competitors, shared goals proposed, endorsed by both leads and revised, retrospectives
// filed and concluded. Every command goes through its context's real decider with the clock at
// that step's moment and the metadata the service records (actor, team, recordedAt, correlation
// and causation ids), appended at the revision it was decided on, so as-of answers look as they
// would have on each day. The same options give the same history,
// ids included; a second run finds it loaded and changes nothing.

const DEMO_DAYS = 183;
const DEFAULT_EVENTS = 6_000;

const USAGE = `npm run demo [-- options]

  --events <n>   about how many events (default ${DEFAULT_EVENTS.toLocaleString('en-US')}; 20k, 1M, ... for bigger histories)
  --seed <n>     seed of the history (default 42)
  --until <day>  last day of the history, YYYY-MM-DD (default: yesterday, UTC)

Writes into DATA_DIR (./data by default) while no service runs on it, then: npm start`;

interface DemoOptions {
  readonly events: number;
  readonly seed: number;
  readonly until: number;
}

function parseDemoArgs(argv: readonly string[], now = Date.now()): DemoOptions | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === 'help') return 'help';
    const [name, inline] = arg.replace(/^--/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (!arg.startsWith('--') || !['events', 'seed', 'until'].includes(name)) throw new Error(`Unknown argument ${arg}\n\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  const until = values.get('until');
  const untilMs = until === undefined ? Math.floor(now / DAY_MS) * DAY_MS : Date.parse(`${until}T00:00:00.000Z`) + DAY_MS;
  if (Number.isNaN(untilMs) || (until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(until))) throw new Error(`--until must be a date YYYY-MM-DD, got "${until}"`);
  return {
    events: values.has('events') ? parseCount(values.get('events')!, '--events') : DEFAULT_EVENTS,
    seed: values.has('seed') ? parseCount(values.get('seed')!, '--seed') : 42,
    until: untilMs,
  };
}

async function main(): Promise<void> {
  const options = parseDemoArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = configOrExit();
  if (config.eventStore !== 'sqlite') throw new Error('npm run demo writes the SQLite store: unset EVENT_STORE (or import an export of it into EventStoreDB with npm run tandem -- import)');
  const lock = lockDataDir(config.dataDir);
  let result;
  try {
    result = await ensureHistory(config.dataDir, { seed: options.seed, events: options.events, until: options.until, days: DEMO_DAYS });
  } finally {
    lock.release();
  }
  const { manifest, written } = result;
  const what = `${manifest.events.toLocaleString('en-US')} events: ${manifest.deals.toLocaleString('en-US')} deals and ${manifest.goals.length} shared goals, ${manifest.from.slice(0, 10)} to ${manifest.until.slice(0, 10)} (seed ${manifest.seed})`;
  process.stdout.write(written === undefined ? `The demo is already loaded in ${config.dataDir}: ${what}. Nothing was written.\n` : `Loaded the demo into ${config.dataDir}: ${what}.\n`);
  process.stdout.write(tryIt(manifest, join(config.dataDir, 'dev-tokens.json'), config.port));
}

/** Queries to paste into GraphiQL, and the same through curl, on the demo's own goals and quarter. */
export function tryIt(manifest: HistoryManifest, tokensFile: string, port: number): string {
  const { goalNow, window } = manifest.load;
  const origin = `http://127.0.0.1:${port}`;
  const midway = new Date((Date.parse(goalNow.periodStart) + Math.min(Date.parse(manifest.until), Date.parse(goalNow.periodEnd))) / 2).toISOString();
  const goal = `{ sharedGoal(id: "${goalNow.id}") { name status target progress { wonRevenue attainment expectedAttainment onPace openPipeline credit { team creditedRevenue } } } }`;
  const scoreboard = `{ scoreboard(from: "${window.from}", to: "${window.to}", model: W_SHAPED) { wonRevenue wonDeals credit { team creditedRevenue sourcedRevenue influencedRevenue } } }`;
  const reasons = `{ reasonInsights(kind: LOSS, from: "${window.from}", to: "${window.to}") { deals reasons { reason { code label } deals share trend agreement competitors { competitor deals } } } }`;
  const funnel = `{ leadFunnel(from: "${window.from}", to: "${window.to}") { handedOff accepted rejected converted acceptanceRate responseHoursP50 late rejectionReasons { reason { code } leads share } } }`;
  const curl = (query: string) => `  curl -s ${origin}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '${JSON.stringify({ query })}'`;
  return `
Start the service (npm start), then open ${origin}/graphql for GraphiQL (a token is filled in) or
${origin}/ for the scoreboard page, and try:

  # This quarter's shared goal now; progress(asOf: "${midway}") shows it as it stood then
  ${goal}

  # Last quarter's credit under the W-shaped model
  ${scoreboard}

  # Why deals were lost last quarter, as both teams saw it
  ${reasons}

  # Last quarter's leads: handed off by marketing, answered by sales
  ${funnel}

Through curl (the tokens are written at the service's first start):
  TOKEN=$(node -p "require('${tokensFile}').executive")
${curl(goal)}
${curl(scoreboard)}
${curl(reasons)}
${curl(funnel)}
`;
}

runCli(main);
