import { describe, expect, it } from '@jest/globals';
import { parseDate, parseInstant } from './time.js';

const messageOf = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseInstant and parseDate', () => {
  it('take what they always took', () => {
    expect(parseInstant('2026-03-31T17:00:00Z', 'at')).toBe(Date.parse('2026-03-31T17:00:00Z'));
    expect(parseInstant('2026-03-31T17:00:00.123456789+02:00', 'at')).toBe(Date.parse('2026-03-31T15:00:00.123Z'));
    expect(parseDate('2026-02-28', 'on')).toBe('2026-02-28');
  });

  it.each([
    ['an instant', () => parseInstant(`2026-03-31T17:00:00Z${' '.repeat(1_000_000)}`, 'closedAt')],
    ['a date', () => parseDate(`2026-03-31${'0'.repeat(1_000_000)}`, 'periodEnd')],
  ])('refuse %s of a megabyte, repeating at most a hundred characters of it', (_name, read) => {
    const message = messageOf(read);
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/…"$/);
  });
});
