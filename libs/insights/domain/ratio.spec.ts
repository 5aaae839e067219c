import { describe, expect, it } from '@jest/globals';
import { ratio } from './ratio.js';

describe('ratio', () => {
  it.each<[bigint, bigint, number]>([
    [1n, 3n, 1 / 3],
    [0n, 7n, 0],
    [30_000n, 100_000n, 0.3],
    [-1n, 4n, -0.25],
    [10n ** 20n, 3n * 10n ** 20n, 1 / 3],
    [2n ** 70n, 2n ** 10n, 2 ** 60],
  ])('%p / %p is the nearest double', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });

  it('rounds once for integers beyond 2^53', () => {
    // 3 × (2^53 + 1) / 3 is 2^53 + 1, halfway between doubles: ties to even give 2^53.
    // Converting each side to a double first would round twice and give 2^53 + 2.
    expect(ratio(3n * (2n ** 53n + 1n), 3n)).toBe(2 ** 53);
  });

  it('divides integers of hundreds of bits without overflowing to Infinity', () => {
    expect(ratio(2n ** 600n + 1n, 2n ** 10n)).toBe(2 ** 590);
    expect(ratio(2n ** 1000n, 3n)).toBe(2 ** 1000 / 3);
  });

  it('gives a quotient far below 1 from a divisor of a thousand bits, not 0', () => {
    expect(ratio(3n, 2n ** 1000n)).toBe(3 / 2 ** 1000);
    expect(ratio(2n ** 1000n + 1n, 2n ** 2000n)).toBe(2 ** -1000);
  });

  it('rounds once for a divisor beyond 2^53', () => {
    // 2^53 + 1 is no double; dividing by the 2^53 it rounds to would give exactly 2^-53.
    expect(ratio(1n, 2n ** 53n + 1n)).toBe(2 ** -53 - 2 ** -106);
  });

  it('rounds a quotient just above a halfway point up, however far below the last bit the excess lies', () => {
    // (2^53 + 1) + 1/4097 lies a hair above the halfway point between 2^53 and 2^53 + 2. Its
    // truncated quotient ends exactly on the tie; only the remainder tells it to round up.
    const b = 4097n;
    expect(ratio((2n ** 53n + 1n) * b + 1n, b)).toBe(2 ** 53 + 2);
    expect(ratio((2n ** 53n + 1n) * b - 1n, b)).toBe(2 ** 53);
  });

  it.each<[bigint, bigint, number]>([
    [1n, -4n, -0.25],
    [-1n, -4n, 0.25],
    [0n, -7n, 0],
    [-(3n * (2n ** 53n + 1n)), 3n, -(2 ** 53)],
    [3n * (2n ** 53n + 1n), -3n, -(2 ** 53)],
    [-(3n * (2n ** 53n + 1n)), -3n, 2 ** 53],
  ])('takes the sign from both sides: %p / %p is %p', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });

  it('refuses a zero divisor', () => {
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });
});
