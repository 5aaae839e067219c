import { invalidInput } from './domain-error.js';
import { excerpt } from './text.js';

/** How far in the future a client-given instant may be: clocks drift. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest instant the pattern below accepts: nanoseconds and an offset. */
const MAX_INSTANT_LENGTH = 35;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant that states its zone; returns epoch milliseconds. */
export function parseInstant(value: string, field: string): number {
  const ms = value.length <= MAX_INSTANT_LENGTH && DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || !sameCalendarDate(value)) {
    throw invalidInput(field, `${field} must be an ISO-8601 instant with a time zone, e.g. 2026-03-31T17:00:00Z, got "${excerpt(value)}"`);
  }
  return ms;
}

/** Parses a calendar date YYYY-MM-DD that exists; returns it unchanged. */
export function parseDate(value: string, field: string): string {
  const match = value.length === 10 ? DATE.exec(value) : null;
  // A month or day out of range makes an invalid Date, whose toISOString throws: check first.
  const ms = match === null ? Number.NaN : Date.parse(`${value}T00:00:00.000Z`);
  const ok = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
  if (!ok) throw invalidInput(field, `${field} must be a calendar date YYYY-MM-DD, got "${excerpt(value)}"`);
  return value;
}

/** Refuses an instant more than FUTURE_TOLERANCE_MS after now. */
export function notInFuture(ms: number, field: string, now: number): number {
  if (ms > now + FUTURE_TOLERANCE_MS) {
    throw invalidInput(field, `${field} must not be in the future (it is ${new Date(ms).toISOString()})`);
  }
  return ms;
}

/** First millisecond of a date (UTC). */
export function startOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** Last millisecond of a date (UTC). */
export function endOfDate(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

// Date.parse rolls 2026-02-30 over to March: catch that by re-reading the date part.
function sameCalendarDate(value: string): boolean {
  const datePart = value.slice(0, 10);
  return new Date(`${datePart}T00:00:00.000Z`).toISOString().startsWith(datePart);
}
