/**
 * A progress bar on stderr, so stdout keeps only the report. On a terminal it redraws one line
 * at most ten times a second; elsewhere (CI, a file) it writes a line every tenth of the way.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'events',
  ) {}

  advance(count: number): void {
    this.done += count;
    const now = performance.now();
    if (this.tty) {
      if (now - this.lastDraw < 100) return;
      this.lastDraw = now;
      process.stderr.write(`\r${this.line(now)}`);
      return;
    }
    const decile = Math.floor((Math.min(this.done, this.total) / this.total) * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      process.stderr.write(`${this.line(now)}\n`);
    }
  }

  finish(): void {
    const line = this.line(performance.now());
    process.stderr.write(this.tty ? `\r${line}\n` : `${line}\n`);
  }

  private line(now: number): string {
    const share = Math.min(1, this.done / Math.max(1, this.total));
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 && share < 1 ? ` ETA ${Math.ceil((this.total - this.done) / rate)} s` : '';
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit} ${Math.round(rate).toLocaleString('en-US')}/s${eta}   `;
  }
}
