import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';

/** Children still running; a bench that ends early (an error, Ctrl-C) leaves none behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A Node program the bench runs beside itself (the service, a bare Apollo server, a rebuild), so
 * that its memory is its own and can be read from /proc while it runs.
 */
export class NodeChild {
  private exited: Promise<number | null>;
  private readonly lines: string[] = [];
  private readonly lineWaiters: (() => void)[] = [];

  private constructor(readonly process: ChildProcess) {
    running.add(process);
    this.exited = once(process, 'exit').then(([code]) => {
      running.delete(process);
      return code as number | null;
    });
    let pending = '';
    process.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      this.lines.push(...parts.filter((line) => line.trim() !== ''));
      for (const wake of this.lineWaiters.splice(0)) wake();
    });
  }

  /** Starts `node [nodeOptions] script [args]`; its stderr (and stdout, when logFile is given) also go to logFile. */
  static start(script: string, options: { args?: readonly string[]; env?: NodeJS.ProcessEnv; nodeOptions?: readonly string[]; logFile?: string } = {}): NodeChild {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), script, ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (options.logFile !== undefined) {
      const log = createWriteStream(options.logFile, { flags: 'a' });
      child.stderr?.pipe(log);
      child.stdout?.pipe(log);
    } else {
      child.stderr?.resume();
    }
    return new NodeChild(child);
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error('The child process did not start');
    return this.process.pid;
  }

  /** The next line the child prints on stdout; rejects when it exits first or after timeoutMs. */
  async nextLine(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.process.exitCode !== null) throw new Error(`The child exited with code ${this.process.exitCode} before printing a line`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`The child printed nothing within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.lineWaiters.push(resolve)),
        this.exited,
        new Promise((resolve) => (timer = setTimeout(resolve, remaining))),
      ]);
      // A pending timer would keep the bench alive after its report, for as long as the timeout.
      clearTimeout(timer);
    }
  }

  /** Its peak resident memory so far (VmHWM), in MiB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (match === null) throw new Error(`No VmHWM in /proc/${this.pid}/status`);
    return Number(match[1]) / 1024;
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Resolves with the exit code once the child has ended. */
  wait(): Promise<number | null> {
    return this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not ended within graceMs. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A port nothing listens on right now, for a child to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port');
  return address.port;
}
