/** How many callers' budgets are kept at most; the least recently seen go first. */
const MAX_CALLERS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Each caller's budget of query cost: a bucket that holds a minute's worth and refills
 * continuously, so a burst may spend the minute at once and then waits for the refill. Charging
 * what the bucket does not hold refuses the request and says how many seconds until it would.
 */
export class CostRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Charges the caller; undefined when allowed, else the whole seconds to wait before retrying. */
  charge(caller: string, cost: number): number | undefined {
    if (this.perMinute <= 0) return undefined;
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    this.buckets.delete(caller);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > MAX_CALLERS) this.buckets.delete(this.buckets.keys().next().value!);
    // A request never costs more than a whole minute's budget, or a small budget could refuse it for good.
    const charge = Math.min(cost, this.perMinute);
    if (charge > bucket.tokens) return Math.max(1, Math.ceil((charge - bucket.tokens) / perMs / 1000));
    bucket.tokens -= charge;
    return undefined;
  }
}
