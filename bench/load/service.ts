import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort, NodeChild } from '../child-process.js';
import { PROJECTIONS_QUERY, graphqlBody } from './subjects.js';

/** The built service, as `npm start` runs it. */
const MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));

export interface ServiceOptions {
  readonly dataDir: string;
  readonly secret: string;
  /** Where the service's own output goes. */
  readonly logFile: string;
  /** Run with --cpu-prof, the profile written into this folder when it stops. */
  readonly profileDir?: string;
}

/** The real service in its own process, configured as in production, on the bench's data directory. */
export class ServiceProcess {
  private constructor(
    readonly child: NodeChild,
    readonly url: string,
    private readonly started: number,
  ) {}

  static async start(options: ServiceOptions): Promise<ServiceProcess> {
    const port = await freePort();
    const started = performance.now();
    const child = NodeChild.start(MAIN, {
      env: {
        NODE_ENV: 'production',
        DATA_DIR: options.dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_JWT_SECRET: options.secret,
        LOG_LEVEL: 'silent',
        // The service's default, said out loud: every acknowledged write is on disk.
        SQLITE_SYNCHRONOUS: 'FULL',
        // One actor sends the whole load: a per-actor budget would measure the limiter, not the reads.
        RATE_LIMIT_COST_PER_MINUTE: '0',
      },
      nodeOptions: options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`],
      logFile: options.logFile,
    });
    return new ServiceProcess(child, `http://127.0.0.1:${port}/graphql`, started);
  }

  /**
   * Polls `health` until every projection is live; returns the seconds from the start of the
   * process until the endpoint first answered and until everything was live.
   */
  async waitUntilLive(token: string, timeoutMs: number): Promise<{ listeningSeconds: number; liveSeconds: number }> {
    const deadline = performance.now() + timeoutMs;
    let listening: number | undefined;
    let last = 'no answer yet';
    while (performance.now() < deadline) {
      if (!this.child.running) throw new Error(`The service exited with code ${this.child.process.exitCode} while starting; see its log`);
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: graphqlBody(PROJECTIONS_QUERY),
        });
        listening ??= performance.now();
        const body = (await response.json()) as { data?: { health: { projections: { name: string; status: string; error: string | null }[] } } };
        const projections = body.data?.health.projections ?? [];
        const failed = projections.find((projection) => projection.status === 'failed');
        if (failed !== undefined) throw new Error(`Projection ${failed.name} failed while catching up: ${failed.error ?? 'no error given'}`);
        last = projections.map((projection) => `${projection.name}: ${projection.status}`).join(', ');
        if (projections.length > 0 && projections.every((projection) => projection.status === 'live')) {
          const now = performance.now();
          return { listeningSeconds: (listening - this.started) / 1000, liveSeconds: (now - this.started) / 1000 };
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('Projection ')) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The service's projections were not live within ${timeoutMs / 1000} s (${last})`);
  }

  peakRssMb(): number {
    return this.child.peakRssMb();
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

export const serviceLogFile = (dataDir: string): string => join(dataDir, 'service.log');
