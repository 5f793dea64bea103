import type { RateLimitDecision, RateLimiter, RateLimitTier, TierLimit } from "./rate-limiter";

const MAX_KEYS = 10_000;

/**
 * Sliding-window log kept in this isolate's memory. Limits are per isolate, not global: only for
 * local development without Redis (the app logs that clearly when it uses this).
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly backend = "memory";
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly tiers: Record<RateLimitTier, TierLimit>,
    private readonly now: () => number = Date.now,
  ) {}

  async limit(tier: RateLimitTier, identity: string): Promise<RateLimitDecision> {
    const { limit, windowSeconds } = this.tiers[tier];
    const key = `${tier}:${identity}`;
    const now = this.now();
    const windowStart = now - windowSeconds * 1000;
    const log = (this.hits.get(key) ?? []).filter((t) => t > windowStart);
    const allowed = log.length < limit;
    if (allowed) log.push(now);
    this.hits.delete(key);
    this.hits.set(key, log);
    // Map iteration is insertion order, so the first key is the least recently used.
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
    const oldest = log[0] ?? now;
    return { allowed, limit, remaining: Math.max(0, limit - log.length), resetAt: oldest + windowSeconds * 1000 };
  }
}
