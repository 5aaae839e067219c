import { invalidInput } from './domain-error.js';
import { excerpt } from './text.js';

/** Minor digits of the currencies a deployment may use (ISO 4217). */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  USD: 2, EUR: 2, GBP: 2, CHF: 2, CAD: 2, AUD: 2, NZD: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2,
  SGD: 2, HKD: 2, CNY: 2, INR: 2, BRL: 2, MXN: 2, ZAR: 2, ILS: 2, AED: 2, JPY: 0, KRW: 0, ISK: 0,
  CLP: 0, VND: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3,
};

export const SUPPORTED_CURRENCIES = Object.keys(MINOR_DIGITS);

/** The largest amount accepted, in major units. */
const MAX_AMOUNT_MAJOR = 1_000_000_000_000n;

export interface Currency {
  readonly code: string;
  readonly minorDigits: number;
}

export function currency(code: string): Currency {
  const minorDigits = MINOR_DIGITS[code];
  if (minorDigits === undefined) throw new Error(`Unknown currency ${code}; known: ${SUPPORTED_CURRENCIES.join(', ')}`);
  return { code, minorDigits };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Enough for any accepted amount with a few leading zeros: 13 whole digits, a point and 3 decimals. */
const MAX_AMOUNT_LENGTH = 40;

/**
 * Parses an exact decimal string into integer minor units. Refuses signs, exponents, spaces and
 * more fraction digits than the currency has, naming the field.
 */
export function parseAmount(
  value: string,
  field: string,
  cur: Currency,
  options: { positive?: boolean } = {},
): number {
  // Refused by its length before any parsing: a number of a million digits costs seconds.
  if (value.length > MAX_AMOUNT_LENGTH) {
    throw invalidInput(field, `${field} must be a decimal number of at most ${MAX_AMOUNT_LENGTH} characters, got ${value.length}`);
  }
  const match = DECIMAL.exec(value);
  if (!match) {
    throw invalidInput(field, `${field} must be a decimal number such as "${example(cur)}", got "${excerpt(value)}"`);
  }
  const [, whole, fraction = ''] = match;
  if (fraction.length > cur.minorDigits) {
    throw invalidInput(
      field,
      `${field} has ${fraction.length} decimal places; ${cur.code} allows at most ${cur.minorDigits}`,
    );
  }
  const minor = BigInt(whole!) * 10n ** BigInt(cur.minorDigits) + BigInt(fraction.padEnd(cur.minorDigits, '0') || '0');
  if (minor > MAX_AMOUNT_MAJOR * 10n ** BigInt(cur.minorDigits)) {
    throw invalidInput(field, `${field} must be at most ${MAX_AMOUNT_MAJOR.toString()}, got "${excerpt(value)}"`);
  }
  if (options.positive && minor === 0n) throw invalidInput(field, `${field} must be greater than 0`);
  // At most 10^12 × 10^3 minor units: well inside Number's exact integer range.
  return Number(minor);
}

/** Formats minor units with exactly the currency's minor digits: 12500000 → "125000.00". */
export function formatAmount(minor: number | bigint, cur: Currency): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(cur.minorDigits + 1, '0');
  const whole = digits.slice(0, digits.length - cur.minorDigits);
  const fraction = digits.slice(digits.length - cur.minorDigits);
  return `${negative ? '-' : ''}${whole}${cur.minorDigits > 0 ? `.${fraction}` : ''}`;
}

function example(cur: Currency): string {
  return cur.minorDigits === 0 ? '125000' : `125000.${'5'.padEnd(cur.minorDigits, '0')}`;
}
