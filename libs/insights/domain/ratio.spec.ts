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

  it('refuses a zero divisor', () => {
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });
});
