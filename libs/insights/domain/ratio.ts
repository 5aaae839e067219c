/**
 * a / b as the nearest double, also for integers beyond 2^53 (sums of many large amounts), so a
 * ratio of equal rationals is always the same number and comparisons of ratios stay monotone.
 */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) throw new RangeError('ratio: division by zero');
  if (b < 0n) return ratio(-a, -b);
  if (a < 0n) return -ratio(-a, b);
  if (a <= SAFE && b <= SAFE) return Number(a) / Number(b);
  // Enough quotient bits that Number() rounds once, with a sticky bit for a non-zero remainder.
  const shift = Math.max(0, 64 + bitLength(b) - bitLength(a));
  const scaled = a << BigInt(shift);
  let quotient = scaled / b;
  if (scaled % b !== 0n) quotient |= 1n;
  // 2 ** shift is Infinity past 1023 (a divisor some 960 bits longer than the dividend): scale
  // back in two halves, each a power of two and so exact while the result stays a normal double.
  const half = shift >> 1;
  return Number(quotient) / 2 ** half / 2 ** (shift - half);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}
