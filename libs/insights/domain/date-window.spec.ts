import { describe, expect, it } from '@jest/globals';
import { DAY_MS, DomainError } from '#shared';
import {
  addDays,
  dateInWindow,
  dateWindow,
  instantInWindow,
  previousWindow,
  windowEnd,
  windowLengthDays,
  windowLengthMs,
  windowStart,
} from './date-window.js';

describe('date windows', () => {
  it('runs from the first millisecond of from through the last of to', () => {
    const window = dateWindow('2026-03-01', '2026-03-31');

    expect(windowStart(window)).toBe(Date.parse('2026-03-01T00:00:00.000Z'));
    expect(windowEnd(window)).toBe(Date.parse('2026-03-31T23:59:59.999Z'));
  });

  it.each([
    ['2026-03-01', '2026-03-31', 31],
    ['2026-03-01', '2026-03-01', 1],
    ['2024-02-01', '2024-02-29', 29],
    ['2025-12-15', '2026-01-14', 31],
  ])('counts %s to %s as %i whole days', (from, to, days) => {
    const window = dateWindow(from, to);

    expect(windowLengthDays(window)).toBe(days);
    expect(windowLengthMs(window)).toBe(days * DAY_MS);
    expect(windowLengthMs(window)).toBe(windowEnd(window) - windowStart(window) + 1);
  });

  it.each([
    ['2026-03-01', '2026-03-31', '2026-01-29', '2026-02-28'],
    ['2026-01-01', '2026-01-31', '2025-12-01', '2025-12-31'],
    ['2024-03-01', '2024-03-31', '2024-01-30', '2024-02-29'],
    ['2026-03-10', '2026-03-10', '2026-03-09', '2026-03-09'],
  ])('puts the window before %s..%s at %s..%s', (from, to, previousFrom, previousTo) => {
    const window = dateWindow(from, to);

    const previous = previousWindow(window);

    expect(previous).toEqual({ from: previousFrom, to: previousTo });
    expect(windowLengthDays(previous)).toBe(windowLengthDays(window));
    expect(windowEnd(previous) + 1).toBe(windowStart(window));
  });

  it('includes both ends for instants and dates', () => {
    const window = dateWindow('2026-03-01', '2026-03-31');

    expect(instantInWindow(windowStart(window), window)).toBe(true);
    expect(instantInWindow(windowEnd(window), window)).toBe(true);
    expect(instantInWindow(windowStart(window) - 1, window)).toBe(false);
    expect(instantInWindow(windowEnd(window) + 1, window)).toBe(false);
    expect(dateInWindow('2026-03-01', window)).toBe(true);
    expect(dateInWindow('2026-03-31', window)).toBe(true);
    expect(dateInWindow('2026-02-28', window)).toBe(false);
    expect(dateInWindow('2026-04-01', window)).toBe(false);
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('refuses an end before the start, naming the end field', () => {
    expect(() => dateWindow('2026-03-02', '2026-03-01', { from: 'periodStart', to: 'periodEnd' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'periodEnd' } }),
    );
  });

  it('names the end field "to" when the caller names no fields', () => {
    expect(() => dateWindow('2026-03-02', '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'to' } }),
    );
  });

  it('refuses a date that does not exist, naming its field', () => {
    let error: unknown;
    try {
      dateWindow('2026-02-30', '2026-03-01');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.field).toBe('from');
  });
});
