import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { UpstashEvalCommands } from "../upstash/eval-commands";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimitDecision, RateLimiter, RateLimitTier, TierLimit } from "./rate-limiter";

const UPSTASH_BACKOFF_MS = { base: 50, cap: 200, jitter: 0.5 };

/** Connection and policy for the Upstash limiter. */
export interface UpstashRateLimiterOptions {
  url: string;
  token: string;
  tiers: Record<RateLimitTier, TierLimit>;
  /** After this many ms without an answer this isolate's own limiter decides (reason "timeout"). */
  timeoutMs: number;
  /** Key namespace; each tier counts under `<prefix>:<tier>`. */
  prefix: string;
}

/**
 * Sliding-window limits shared by every edge location, kept in Upstash Redis over HTTP.
 * Build one per isolate: each tier's Ratelimit keeps an ephemeral cache of identities already
 * blocked, which answers repeat offenders without a Redis round trip. When Upstash times out or
 * fails, the same limits are applied by this isolate's in-memory limiter (per isolate, so looser
 * than the global one, but never no limit), and the decision says it was degraded.
 */
export class UpstashRateLimiter implements RateLimiter {
  readonly backend = "upstash";
  private readonly limiters: Record<RateLimitTier, Ratelimit>;
  private readonly local: MemoryRateLimiter;

  constructor(options: UpstashRateLimiterOptions) {
    // One quick retry of a dropped connection only (never of a Redis reply): the limiter's own
    // timeout decides when to give up and fail open. Ratelimit's type asks for @upstash/redis's
    // client, but the sliding window only ever calls evalsha and eval.
    const upstash = new UpstashEvalCommands({ url: options.url, token: options.token, retryBackoff: UPSTASH_BACKOFF_MS });
    const redis = upstash as unknown as Redis;
    const build = (tier: RateLimitTier) =>
      new Ratelimit({
        redis,
        limiter: Ratelimit.slidingWindow(options.tiers[tier].limit, `${options.tiers[tier].windowSeconds} s`),
        prefix: `${options.prefix}:${tier}`,
        ephemeralCache: new Map(),
        timeout: options.timeoutMs,
        analytics: false,
      });
    this.limiters = { anonymous: build("anonymous"), user: build("user"), write: build("write"), admin: build("admin") };
    this.local = new MemoryRateLimiter(options.tiers);
  }

  async limit(tier: RateLimitTier, identity: string): Promise<RateLimitDecision> {
    try {
      const r = await this.limiters[tier].limit(identity);
      if (r.reason === "timeout") return { ...(await this.local.limit(tier, identity)), pending: r.pending, degraded: "timeout" };
      return { allowed: r.success, limit: r.limit, remaining: Math.max(0, r.remaining), resetAt: r.reset, pending: r.pending };
    } catch (failure) {
      // Unreachable or erroring Redis: same policy as a timeout.
      return { ...(await this.local.limit(tier, identity)), degraded: "error", failure };
    }
  }
}
