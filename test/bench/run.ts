import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createApp, loadConfig, rebuildProjections, runCli, type TandemApp } from '#api';
import { teamTokens, TEST_SECRET } from '../support/tokens.js';

// npm run bench: the service on the embedded store in a temporary directory, driven over HTTP as
// clients drive it. Prints latency percentiles, throughput and memory; the figures depend on the
// machine, so they are read side by side with an earlier run on the same machine, never asserted.

const DEALS = Number(process.env['BENCH_DEALS'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const QUERY_ROUNDS = Number(process.env['BENCH_QUERY_ROUNDS'] ?? 50);

interface Sample {
  readonly name: string;
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly perSecond: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', AUTH_JWT_SECRET: TEST_SECRET, NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  let tandem: TandemApp | undefined = await createApp(config, pino({ level: 'silent' }));
  try {
    await tandem.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(tandem.app.getHttpServer().address() as { port: number }).port}/graphql`;
    const tokens = await teamTokens();
    const call = client(url);
    const samples: Sample[] = [];
    const today = new Date().toISOString().slice(0, 10);
    const yearStart = `${today.slice(0, 4)}-01-01`;

    await call(
      'mutation ($input: ProposeSharedGoalInput!) { proposeSharedGoal(input: $input) { id } }',
      { input: { id: 'bench-goal', name: 'Bench goal', periodStart: yearStart, periodEnd: `${today.slice(0, 4)}-12-31`, target: '1000000.00' } },
      tokens.executive,
    );

    samples.push(
      await measure('openDeal', DEALS, CONCURRENCY, (i) =>
        call(
          'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id version } }',
          { input: { id: `deal-${i}`, title: `Deal ${i}`, account: `Account ${i % 97}`, segment: i % 3 === 0 ? 'ENT' : 'SMB', source: i % 2 ? 'MARKETING' : 'SALES', owner: 'bench', amount: `${1000 + (i % 500) * 10}.00`, expectedCloseDate: today } },
          tokens.sales,
        ),
      ),
    );
    samples.push(
      await measure('recordTouch', DEALS, CONCURRENCY, (i) =>
        call(
          'mutation ($input: RecordTouchInput!) { recordTouch(input: $input) { id version } }',
          { input: { dealId: `deal-${i}`, touchId: `touch-${i}`, team: 'MARKETING', channel: 'webinar', occurredAt: new Date(Date.now() - 86_400_000).toISOString() } },
          tokens.marketing,
        ),
      ),
    );
    samples.push(
      await measure('winDeal / loseDeal', DEALS, CONCURRENCY, (i) =>
        i % 4 === 0
          ? call('mutation ($input: LoseDealInput!) { loseDeal(input: $input) { id } }', { input: { dealId: `deal-${i}`, reasonCode: 'PRICE_TOO_HIGH', competitor: `Rival ${i % 5}` } }, tokens.sales)
          : call('mutation ($input: WinDealInput!) { winDeal(input: $input) { id } }', { input: { dealId: `deal-${i}` } }, tokens.sales),
      ),
    );

    const page = '{ deals(first: 200) { totalCount edges { node { id amount lossReason { label } touches { id } history { summary } retrospective { id } } } } }';
    samples.push(await measure('deals(first: 200) with nested fields', QUERY_ROUNDS, 1, () => call(page, {}, tokens.sales)));
    samples.push(
      await measure('goal progress', QUERY_ROUNDS, 1, () => call('{ sharedGoal(id: "bench-goal") { progress(model: TIME_DECAY) { wonRevenue credit { creditedRevenue } } } }', {}, tokens.executive)),
    );
    samples.push(
      await measure('scoreboard (W_SHAPED)', QUERY_ROUNDS, 1, () =>
        call(`{ scoreboard(from: "${yearStart}", to: "${today}", model: W_SHAPED) { wonRevenue credit { creditedRevenue } } }`, {}, tokens.executive),
      ),
    );
    samples.push(
      await measure('reasonInsights', QUERY_ROUNDS, 1, () =>
        call(`{ reasonInsights(kind: LOSS, from: "${yearStart}", to: "${today}") { deals reasons { deals trend competitors { competitor } } } }`, {}, tokens.marketing),
      ),
    );

    const memory = process.memoryUsage();
    await tandem.close();
    tandem = undefined;

    const started = performance.now();
    await rebuildProjections(config, pino({ level: 'silent' }));
    const rebuildMs = performance.now() - started;

    report(samples, { rssMb: memory.rss / 2 ** 20, heapUsedMb: memory.heapUsed / 2 ** 20, rebuildMs, events: DEALS * 3 + 1 });
  } finally {
    await tandem?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function client(url: string) {
  return async (query: string, variables: Record<string, unknown>, token: string): Promise<unknown> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors !== undefined) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/** Runs `count` operations, `concurrency` at a time, timing each one. */
async function measure(name: string, count: number, concurrency: number, operation: (i: number) => Promise<unknown>): Promise<Sample> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const begin = performance.now();
        await operation(i);
        durations.push(performance.now() - begin);
      }
    }),
  );
  const elapsed = performance.now() - started;
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  return { name, count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: durations[durations.length - 1]!, perSecond: (count / elapsed) * 1000 };
}

function report(samples: readonly Sample[], totals: { rssMb: number; heapUsedMb: number; rebuildMs: number; events: number }): void {
  const ms = (value: number) => value.toFixed(1).padStart(8);
  const lines = [
    `Tandem bench: ${DEALS} deals, ${CONCURRENCY} concurrent writers, Node ${process.version}`,
    '',
    `${'operation'.padEnd(40)}${'count'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'ops/s'.padStart(9)}`,
    ...samples.map(
      (s) => `${s.name.padEnd(40)}${String(s.count).padStart(7)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)} ${s.perSecond.toFixed(0).padStart(8)}`,
    ),
    '',
    `memory after the run: rss ${totals.rssMb.toFixed(0)} MiB, heap used ${totals.heapUsedMb.toFixed(0)} MiB`,
    `rebuild of every read model from ~${totals.events} events: ${totals.rebuildMs.toFixed(0)} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runCli(main);
