import { configOrExit } from './cli.js';
import { createLogger } from './logger.js';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  let tandem;
  try {
    tandem = await createApp(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, `Tandem could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await tandem.app.listen(config.port, config.host ?? '0.0.0.0');
  const address = tandem.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host ?? 'localhost'}:${port}/graphql`;
  logger.info({ eventStore: config.eventStore, dataDir: config.dataDir, url, port }, `Tandem is serving GraphQL at ${url}`);
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
