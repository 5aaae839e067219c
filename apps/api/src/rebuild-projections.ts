import { performance } from 'node:perf_hooks';
import type { RebuildProgress } from '#projections';
import { configOrExit } from './cli.js';
import { createLogger } from './logger.js';
import { rebuildProjections } from './rebuild.js';

// npm run projections:rebuild [-- <projection> ...]
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  try {
    const states = await rebuildProjections(config, logger, process.argv.slice(2), progressLine());
    process.stderr.write('\n');
    logger.info({ projections: states.map(({ name, position }) => ({ name, position })) }, 'Read models rebuilt from the log');
  } catch (error) {
    process.stderr.write('\n');
    logger.fatal({ err: error }, `Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** A progress line on stderr, at most a few times a second: events applied, how far, how fast. */
function progressLine(): (progress: RebuildProgress) => void {
  const started = performance.now();
  let shown = 0;
  return ({ events, position, head }) => {
    const now = performance.now();
    if (now - shown < 250 && position !== head) return;
    shown = now;
    // SQLite positions are event numbers; another store's are opaque, so no share is shown for them.
    const share = /^\d+$/.test(position) && head !== null && /^\d+$/.test(head) ? ` ${((100 * Number(position)) / Number(head)).toFixed(0)}%` : '';
    const rate = Math.round(events / Math.max((now - started) / 1000, 0.001));
    process.stderr.write(`\rrebuilding read models:${share} ${events.toLocaleString('en')} events, ${rate.toLocaleString('en')} events/s   `);
  };
}

void main();
