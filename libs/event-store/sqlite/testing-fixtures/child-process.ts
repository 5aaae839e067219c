import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A Node process running one of the .mjs scripts of this folder, whose stdout is read as JSON
 * lines. Waits are bounded by a deadline and fail with what the process said, so a child that
 * crashes or hangs fails the test instead of stalling it.
 */
export class ChildScript<Line> {
  readonly lines: Line[] = [];
  private readonly process: ChildProcess;
  private stderr = '';
  private partial = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly changed = new Set<() => void>();

  constructor(script: string, args: readonly string[]) {
    const path = fileURLToPath(new URL(script, import.meta.url));
    // The test runner's own NODE_OPTIONS (VM modules) mean nothing to the child.
    this.process = spawn(process.execPath, [path, ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const text = this.partial + chunk;
      const complete = text.split('\n');
      this.partial = complete.pop()!;
      for (const line of complete) if (line.trim() !== '') this.lines.push(JSON.parse(line) as Line);
      this.notify();
    });
    this.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exit = { code, signal };
        this.notify();
        resolve(this.exit);
      });
    });
  }

  /** Resolves once `done` holds for the lines read so far. */
  waitUntil(done: (lines: readonly Line[]) => boolean, waitingFor: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done(this.lines)) finish();
        else if (this.exit) finish(new Error(`The child exited (${JSON.stringify(this.exit)}) before ${waitingFor}. ${this.said()}`));
      };
      const timer = setTimeout(() => finish(new Error(`No ${waitingFor} within ${timeoutMs} ms. ${this.said()}`)), timeoutMs);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.changed.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.changed.add(check);
      check();
    });
  }

  send(text: string): void {
    this.process.stdin!.end(text);
  }

  /** Kills the process at whatever point it has reached and waits until it is gone. */
  async kill(): Promise<void> {
    if (!this.exit) this.process.kill('SIGKILL');
    await this.exited;
  }

  async exitCode(timeoutMs: number): Promise<number | null> {
    await this.waitUntil(() => this.exit !== undefined, 'exit', timeoutMs);
    return this.exit!.code;
  }

  said(): string {
    return `It printed ${this.lines.length} lines; stderr: ${this.stderr.trim() || '(empty)'}`;
  }

  private notify(): void {
    for (const listener of [...this.changed]) listener();
  }
}
