import { DAY_MS, endOfDate, invalidInput, parseDate, startOfDate } from '#shared';

/**
 * Whole UTC calendar days, both ends included: from `from` 00:00:00.000Z through `to`
 * 23:59:59.999Z. Dates are `YYYY-MM-DD`, which also sort correctly as strings.
 */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

/** Checks both dates and their order, naming the field at fault. */
export function dateWindow(from: string, to: string, fields: { from: string; to: string } = { from: 'from', to: 'to' }): DateWindow {
  parseDate(from, fields.from);
  parseDate(to, fields.to);
  if (to < from) throw invalidInput(fields.to, `${fields.to} (${to}) must not be before ${fields.from} (${from})`);
  return { from, to };
}

/** First millisecond of the window, epoch ms. */
export function windowStart(window: DateWindow): number {
  return startOfDate(window.from);
}

/** Last millisecond of the window (inclusive), epoch ms. */
export function windowEnd(window: DateWindow): number {
  return endOfDate(window.to);
}

export function windowLengthDays(window: DateWindow): number {
  return Math.round((startOfDate(window.to) - startOfDate(window.from)) / DAY_MS) + 1;
}

/**
 * Whole days in milliseconds: windowEnd − windowStart + 1. Counting the last millisecond makes a
 * window's length add up across consecutive windows and puts noon of a one-day window at 0.5.
 */
export function windowLengthMs(window: DateWindow): number {
  return windowLengthDays(window) * DAY_MS;
}

/** The window of the same number of days that ends the day before `from`. */
export function previousWindow(window: DateWindow): DateWindow {
  const days = windowLengthDays(window);
  return { from: addDays(window.from, -days), to: addDays(window.from, -1) };
}

export function instantInWindow(ms: number, window: DateWindow): boolean {
  return ms >= windowStart(window) && ms <= windowEnd(window);
}

export function dateInWindow(date: string, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}

export function addDays(date: string, days: number): string {
  return new Date(startOfDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}
