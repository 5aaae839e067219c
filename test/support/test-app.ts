import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp, loadConfig, type CreateAppOptions, type TandemApp } from '#api';
import { TEST_SECRET } from './tokens.js';

export interface RunningApp {
  readonly url: string;
  readonly dataDir: string;
  readonly tandem: TandemApp;
  /** Stops the service; keeps the data directory unless asked to remove it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * How long a mutation waits for the read models here: the service answers PROJECTION_LAG after
 * 10 s, which a busy machine running the whole suite may reach without anything being wrong.
 */
const READ_YOUR_WRITES_TIMEOUT_MS = 60_000;

/** Starts the real service on a free port with SQLite in a temporary data directory. */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir?: string,
  options: CreateAppOptions = {},
): Promise<RunningApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', AUTH_JWT_SECRET: TEST_SECRET, NODE_ENV: 'test', ...env });
  const tandem = await createApp(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), {
    readYourWritesTimeoutMs: READ_YOUR_WRITES_TIMEOUT_MS,
    ...options,
  });
  await tandem.app.listen(0, '127.0.0.1');
  const address = tandem.app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    dataDir: dir,
    tandem,
    async stop({ keepData = false } = {}) {
      await tandem.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}
