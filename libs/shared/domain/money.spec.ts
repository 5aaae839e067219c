import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { currency, formatAmount, parseAmount, SUPPORTED_CURRENCIES } from './money.js';

const usd = currency('USD');
const jpy = currency('JPY');
const bhd = currency('BHD');

/** The INVALID_INPUT a parse refuses with. */
function refusal(parse: () => unknown): DomainError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the amount to be refused');
}

describe('currency', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
  ])('knows %s has %i minor digits', (code, minorDigits) => {
    expect(currency(code)).toEqual({ code, minorDigits });
  });

  it('refuses a code it does not know, listing the ones it does', () => {
    expect(() => currency('XYZ')).toThrow(/Unknown currency XYZ; known: USD, EUR, .*JPY/);
    expect(SUPPORTED_CURRENCIES).toContain('JPY');
  });
});

describe('parseAmount', () => {
  it.each<[string, string, number]>([
    ['USD', '125000.50', 12_500_050],
    ['USD', '125000.5', 12_500_050],
    ['USD', '125000', 12_500_000],
    ['USD', '0.01', 1],
    ['USD', '0', 0],
    ['USD', '007.10', 710],
    ['JPY', '125000', 125_000],
    ['JPY', '0', 0],
    ['BHD', '1.25', 1_250],
    ['BHD', '1.250', 1_250],
  ])('reads %s "%s" as %i minor units', (code, value, minor) => {
    expect(parseAmount(value, 'amount', currency(code))).toBe(minor);
  });

  it.each(['', ' 12', '12 ', '-1', '+1', '1e5', '1.', '.5', '1,5', '1.2.3', '12a', 'a12', '1.a', '0x10', '１２'])(
    'refuses "%s", naming the field',
    (value) => {
      const error = refusal(() => parseAmount(value, 'target', usd));

      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.field).toBe('target');
    },
  );

  it.each<[string, string]>([
    ['USD', '1.255'],
    ['USD', '0.001'],
    ['JPY', '1.0'],
    ['JPY', '125000.5'],
    ['BHD', '1.2505'],
  ])('refuses more fraction digits than %s has: "%s"', (code, value) => {
    const error = refusal(() => parseAmount(value, 'amount', currency(code)));

    expect(error.details.field).toBe('amount');
    expect(error.message).toContain(`${code} allows at most ${currency(code).minorDigits}`);
  });

  it.each([usd, jpy, bhd])('takes the largest amount, 10^12, and refuses one minor unit more ($code)', (cur) => {
    const oneMinorMore = cur.minorDigits === 0 ? '1000000000001' : `1000000000000.${'1'.padStart(cur.minorDigits, '0')}`;

    expect(parseAmount('1000000000000', 'amount', cur)).toBe(10 ** (12 + cur.minorDigits));
    expect(refusal(() => parseAmount(oneMinorMore, 'amount', cur)).details.field).toBe('amount');
  });

  it('refuses an amount of a million digits by its length, before parsing it, and repeats none of it', () => {
    const huge = '9'.repeat(1_000_000);
    let error: unknown;
    try {
      parseAmount(huge, 'amount', usd);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'amount' }, message: 'amount must be a decimal number of at most 40 characters, got 1000000' });
  });

  it('repeats at most a hundred characters of a malformed amount', () => {
    expect(() => parseAmount(`${'1'.repeat(20)}x${'2'.repeat(19)}`, 'amount', usd)).toThrow(/got "1{20}x2{19}"$/);
    const long = `x${'y'.repeat(39)}`;
    expect(() => parseAmount(long, 'amount', usd)).toThrow(`got "${long}"`);
  });

  it('refuses zero when the amount must be positive, and takes the smallest unit above it', () => {
    expect(refusal(() => parseAmount('0.00', 'target', usd, { positive: true })).details.field).toBe('target');
    expect(refusal(() => parseAmount('0', 'target', jpy, { positive: true })).details.field).toBe('target');
    expect(parseAmount('0.01', 'target', usd, { positive: true })).toBe(1);
    expect(parseAmount('1', 'target', jpy, { positive: true })).toBe(1);
    expect(parseAmount('0.00', 'amount', usd, { positive: false })).toBe(0);
  });

  it.each([usd, jpy, bhd])('suggests in its refusal an example that $code itself accepts', (cur) => {
    const message = refusal(() => parseAmount('twelve', 'amount', cur)).message;
    const example = /such as "([^"]*)"/.exec(message)?.[1];

    expect(example).toBeDefined();
    expect(parseAmount(example!, 'amount', cur)).toBeGreaterThan(0);
    expect(example!.split('.')[1]?.length ?? 0).toBe(cur.minorDigits);
  });
});

describe('formatAmount', () => {
  it.each<[string, number | bigint, string]>([
    ['USD', 12_500_000, '125000.00'],
    ['USD', 12_500_050, '125000.50'],
    ['USD', 5, '0.05'],
    ['USD', 50, '0.50'],
    ['USD', 0, '0.00'],
    ['USD', -12_345, '-123.45'],
    ['USD', -5, '-0.05'],
    ['USD', 2n ** 64n, '184467440737095516.16'],
    ['JPY', 125_000, '125000'],
    ['JPY', 0, '0'],
    ['JPY', -7, '-7'],
    ['BHD', 1_250, '1.250'],
    ['BHD', 1, '0.001'],
  ])('prints %s %p as "%s", with exactly the currency’s minor digits', (code, minor, text) => {
    expect(formatAmount(minor, currency(code))).toBe(text);
  });

  it.each([usd, jpy, bhd])('reads back what it prints ($code)', (cur) => {
    for (const minor of [0, 1, 9, 10, 99, 100, 101, 123_456_789]) {
      expect(parseAmount(formatAmount(minor, cur), 'amount', cur)).toBe(minor);
    }
  });
});
