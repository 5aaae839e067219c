import { fileURLToPath } from 'node:url';
import { configOrExit } from './cli.js';
import { createLogger } from './logger.js';
import { createApp } from './bootstrap.js';

/** `npm run build` puts the page beside the API: dist/web, from dist/apps/api/src/main.js. */
const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  let tandem;
  try {
    tandem = await createApp(config, logger, { webDir: WEB_DIR });
  } catch (error) {
    logger.fatal({ err: error }, `Tandem could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await tandem.app.listen(config.port, config.host ?? '0.0.0.0');
  const address = tandem.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const page = `http://${config.host ?? 'localhost'}:${port}/`;
  const url = `${page}graphql`;
  logger.info({ eventStore: config.eventStore, dataDir: config.dataDir, page, url, port }, `Tandem is serving the page at ${page} and GraphQL at ${url}`);
  if (tandem.devCredentials) {
    logger.warn(
      { tokens: tandem.devCredentials.tokensFile, secret: tandem.devCredentials.secretFile },
      `No auth configuration: development tokens for each team are in ${tandem.devCredentials.tokensFile}`,
    );
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'Shutting down');
    tandem
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
