import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBanner } from './banner.js';
import type { TandemApp } from './bootstrap.js';
import { configOrExit, startFailure } from './cli.js';
import { prepareDataDir } from './core/data-dir.js';
import { checkListenable, listenError } from './core/listen.js';
import { loggerFor } from './logger.js';

/** `npm run build` puts the page beside the API: dist/web, from dist/apps/api/src/main.js. */
const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
/** `npm run demo`, built beside the API: dist/bench/demo.js. */
const DEMO = fileURLToPath(new URL('../../../bench/demo.js', import.meta.url));

/**
 * `npm start -- --demo [--events N …]` loads the demo first (or finds it loaded), as
 * `npm run demo` would, in its own process: it holds the data directory while it writes.
 */
function loadDemoIfAsked(): void {
  const at = process.argv.indexOf('--demo');
  if (at === -1) return;
  const loaded = spawnSync(process.execPath, [DEMO, ...process.argv.slice(at + 1)], { stdio: 'inherit' });
  if (loaded.status !== 0) process.exit(loaded.status ?? 1);
}

async function main(): Promise<void> {
  const config = configOrExit();
  loadDemoIfAsked();
  const logger = loggerFor(config);
  let tandem: TandemApp | undefined;
  try {
    // The cheap checks first: a bad port, host or data directory is said within a second.
    await checkListenable(config.port, config.host);
    prepareDataDir(config.dataDir);
    // Loaded once the checks have passed: Nest and the contexts take seconds to load on a busy machine.
    const { createApp } = await import('./bootstrap.js');
    tandem = await createApp(config, logger, { webDir: WEB_DIR });
    await tandem.app.listen(config.port, config.host).catch((error: unknown) => {
      throw listenError(error, config.port, config.host);
    });
  } catch (error) {
    await tandem?.close().catch(() => undefined);
    startFailure(error);
  }
  const address = tandem.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const credentials = tandem.devCredentials;
  const facts = {
    host: config.host,
    port,
    eventStore: config.eventStore,
    dataDir: config.dataDir,
    ide: !config.production,
    ...(credentials ? { devTokens: { file: credentials.tokensFile, names: Object.keys(credentials.tokens) } } : {}),
  };
  if (config.production) logger.info(facts, `Tandem is ready on ${config.host}:${port}`);
  else process.stdout.write(`\n${startBanner(facts)}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second signal: the person wants out now.
      logger.warn({ signal }, 'Stopping at once: requests in flight are cut');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'Shutting down: no new requests; finishing those in flight, then closing the store');
    tandem
      .close()
      .then(() => {
        logger.info('Stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
