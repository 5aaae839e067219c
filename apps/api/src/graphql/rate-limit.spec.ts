import { describe, expect, it } from '@jest/globals';
import { CostRateLimiter } from './rate-limit.js';

describe('CostRateLimiter', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('lets a caller spend a minute of budget at once, then refuses with the seconds to wait', () => {
    const time = clock();
    const limiter = new CostRateLimiter(600, time.now);
    expect(limiter.charge('ana', 500)).toBeUndefined();
    expect(limiter.charge('ana', 100)).toBeUndefined();
    // 10 units a second: 50 more take 5 s
    expect(limiter.charge('ana', 50)).toBe(5);
    time.advance(4_000);
    expect(limiter.charge('ana', 50)).toBe(1);
    time.advance(1_000);
    expect(limiter.charge('ana', 50)).toBeUndefined();
  });

  it('keeps each caller to their own budget', () => {
    const limiter = new CostRateLimiter(100, clock().now);
    expect(limiter.charge('ana', 100)).toBeUndefined();
    expect(limiter.charge('ana', 1)).toBe(1);
    expect(limiter.charge('bo', 100)).toBeUndefined();
  });

  it('charges a request costing more than a minute as a whole minute, so it can pass once the budget is full', () => {
    const time = clock();
    const limiter = new CostRateLimiter(100, time.now);
    expect(limiter.charge('ana', 5_000)).toBeUndefined();
    expect(limiter.charge('ana', 5_000)).toBe(60);
    time.advance(60_000);
    expect(limiter.charge('ana', 5_000)).toBeUndefined();
  });

  it('limits nothing when the budget is 0', () => {
    const limiter = new CostRateLimiter(0);
    for (let index = 0; index < 1_000; index++) expect(limiter.charge('ana', 20_000)).toBeUndefined();
  });
});
