import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** The configuration from the environment, or one line naming the bad variable and exit 1. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
