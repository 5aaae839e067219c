import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadConfig, rebuildProjections, runCli } from '#api';

// What `npm run projections:rebuild` runs, in a process of its own so that its peak memory is
// the rebuild's alone: prints the time it took and the peak RSS as one JSON line.

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const started = performance.now();
  await rebuildProjections(config, pino({ level: 'silent' }));
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes.
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

runCli(main);
