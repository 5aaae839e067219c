import type { Clock } from '#shared/application';

/** The server's clock under the test's control: recordedAt, "now" and asOf defaults follow it. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  set(instant: string): void {
    const next = Date.parse(instant);
    if (Number.isNaN(next)) throw new Error(`Not an instant: ${instant}`);
    this.current = next;
  }
}
