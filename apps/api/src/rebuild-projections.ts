import { configOrExit } from './cli.js';
import { createLogger } from './logger.js';
import { rebuildProjections } from './rebuild.js';

// npm run projections:rebuild [-- <projection> ...]
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  try {
    const states = await rebuildProjections(config, logger, process.argv.slice(2));
    logger.info({ projections: states.map(({ name, position }) => ({ name, position })) }, 'Read models rebuilt from the log');
  } catch (error) {
    logger.fatal({ err: error }, `Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
