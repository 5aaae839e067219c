import { describe, expect, it } from 'vitest';
import { count, currencyOf, day, hours, instant, money, percent, times } from './format';

describe('figures as people read them', () => {
  it.each([
    ['125000.50', 'USD', '$125,000.50'],
    ['0.00', 'USD', '$0.00'],
    ['1000000000000.00', 'USD', '$1,000,000,000,000.00'],
    ['999.99', 'EUR', '€999.99'],
    ['125000', 'JPY', '¥125,000'],
    ['3326.85', null, '3,326.85'],
  ])('keeps the exact digits of %s %s', (amount, currency, shown) => {
    expect(money(amount, currency)).toBe(shown);
  });

  it('never rounds money through a float', () => {
    expect(money('9007199254740993.01', 'USD')).toBe('$9,007,199,254,740,993.01');
  });

  it('reads shares, multiples and fractional wins rounded', () => {
    expect(percent(0.4166666666666667)).toBe('41.7%');
    expect(percent(1)).toBe('100%');
    expect(times(0.7142857142857143)).toBe('0.71×');
    expect(count(1.305912745)).toBe('1.31');
    expect(count(2)).toBe('2');
    expect(hours(3.254)).toBe('3.25 h');
    expect(hours(48)).toBe('48 h');
  });

  it('reads dates and instants in UTC', () => {
    expect(day('2026-01-05')).toBe('Jan 5, 2026');
    expect(instant('2026-02-20T12:00:00.000Z')).toBe('Feb 20, 2026, 12:00 UTC');
  });

  it("takes the deployment's currency from any deal, or none", () => {
    expect(currencyOf({ edges: [{ node: { currency: 'EUR' } }] })).toBe('EUR');
    expect(currencyOf({ edges: [] })).toBeNull();
  });
});
