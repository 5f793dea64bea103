import type { RateLimitDecision, RateLimiter, RateLimitTier, TierLimit } from "./rate-limiter";

const MAX_KEYS = 10_000;

/**
 * Sliding-window log kept in this isolate's memory. Limits are per isolate, not global: only for
 * local development without Redis (the app logs that clearly when it uses this).
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly backend = "memory";
  // Per key, the request times still in (or just past) the window, oldest first. Expired times are
  // skipped by advancing `head`, so a request costs O(1) amortised however high the limit is.
  private readonly hits = new Map<string, { times: number[]; head: number }>();

  constructor(
    private readonly tiers: Record<RateLimitTier, TierLimit>,
    private readonly now: () => number = Date.now,
  ) {}

  async limit(tier: RateLimitTier, identity: string): Promise<RateLimitDecision> {
    const { limit, windowSeconds } = this.tiers[tier];
    const key = `${tier}:${identity}`;
    const now = this.now();
    const windowStart = now - windowSeconds * 1000;
    let log = this.hits.get(key);
    if (log) this.hits.delete(key);
    else log = { times: [], head: 0 };
    while (log.head < log.times.length && (log.times[log.head] as number) <= windowStart) log.head++;
    if (log.head > 1024 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    const count = log.times.length - log.head;
    const allowed = count < limit;
    if (allowed) log.times.push(now);
    this.hits.set(key, log);
    // Map iteration is insertion order, so the first key is the least recently used.
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
    const oldest = log.times[log.head] ?? now;
    return { allowed, limit, remaining: Math.max(0, limit - (count + (allowed ? 1 : 0))), resetAt: oldest + windowSeconds * 1000 };
  }
}
