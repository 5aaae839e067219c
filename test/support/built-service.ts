import { afterAll, beforeAll } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = process.cwd();

/** How long building the API may take on a busy machine (it is skipped when nothing changed). */
export const BUILD_TIMEOUT_MS = 300_000;

/** Builds the API into dist/ unless it is up to date, as npm start does: the process tests run what users run. */
export async function buildApi(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs'), 'api'], { cwd: ROOT, timeout: BUILD_TIMEOUT_MS });
}

/**
 * For a test file that runs the built service or its tools: builds the API once before its tests
 * and gives it a data directory of its own, removed after them.
 */
export function useBuiltApi(prefix: string): { readonly dataDir: string } {
  const state = { dataDir: '' };
  beforeAll(async () => {
    await buildApi();
    state.dataDir = mkdtempSync(join(tmpdir(), prefix));
  }, BUILD_TIMEOUT_MS);
  afterAll(() => rmSync(state.dataDir, { recursive: true, force: true }));
  return state;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From the spawn to the exit. */
  readonly ms: number;
}

/**
 * A built entry point (the service's main.js, the command line) in its own Node process, with
 * exactly the environment given (beside PATH), so nothing of the test runner's leaks into it.
 * Waits are bounded and fail with what the process said.
 */
export class NodeProcess {
  stdout = '';
  stderr = '';
  private readonly child: ChildProcess;
  private readonly started = Date.now();
  private readonly exit: Promise<Exit>;
  private readonly changed = new Set<() => void>();
  private exitState: Exit | undefined;

  constructor(script: string, args: readonly string[], env: Readonly<Record<string, string>>, cwd = ROOT) {
    this.child = spawn(process.execPath, [join(ROOT, script), ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      this.notify();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.notify();
    });
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitState = { code, signal, ms: Date.now() - this.started };
        this.notify();
        resolve(this.exitState);
      });
    });
  }

  /** The service's main.js. */
  static service(env: Readonly<Record<string, string>>, args: readonly string[] = []): NodeProcess {
    return new NodeProcess('dist/apps/api/src/main.js', args, env);
  }

  /** Resolves with the first match of `pattern` in stdout. */
  waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.stdout.match(pattern);
        if (match) finish(undefined, match);
        else if (this.exitState) finish(new Error(`The process exited (${JSON.stringify(this.exitState)}) before printing ${pattern}. ${this.said()}`));
      };
      const timer = setTimeout(() => finish(new Error(`No ${pattern} within ${timeoutMs} ms. ${this.said()}`)), timeoutMs);
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.changed.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      this.changed.add(check);
      check();
    });
  }

  /** Resolves when the process exits; kills it and fails when it has not within `timeoutMs`. */
  async exited(timeoutMs = 60_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`Still running after ${timeoutMs} ms. ${this.said()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exit, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Ends the process if it still runs (afterAll's safety net). */
  async stop(): Promise<void> {
    if (this.exitState === undefined) {
      this.child.kill('SIGKILL');
      await this.exit;
    }
  }

  private said(): string {
    return `stdout: ${this.stdout.slice(-2000) || '(nothing)'}; stderr: ${this.stderr.slice(-2000) || '(nothing)'}`;
  }

  private notify(): void {
    for (const listener of [...this.changed]) listener();
  }
}
