import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './cli.js';
import { createApp } from './bootstrap.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { servedSchema } from './schema.js';

// npm run schema:print [-- <file>]: writes the served schema (default ./schema.gql). The service
// is built on a throwaway data directory, so nothing of a real deployment is touched.
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'schema.gql');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-schema-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' });
    const tandem = await createApp(config, createLogger(config.logLevel));
    try {
      writeFileSync(target, servedSchema(tandem.app));
    } finally {
      await tandem.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`Wrote the served schema to ${target}\n`);
}

runCli(main);
