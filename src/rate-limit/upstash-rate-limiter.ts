import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis/cloudflare";
import { backoffDelay } from "../lib/retry";
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
    // One quick retry of a dropped connection only (the client retries network errors, never
    // Redis replies): the limiter's own timeout decides when to give up and fail open.
    const redis = new Redis({
      url: options.url,
      token: options.token,
      retry: { retries: 1, backoff: (retry) => backoffDelay(retry + 1, UPSTASH_BACKOFF_MS) },
      enableTelemetry: false,
      // Each limit() is one EVALSHA; batching across requests would only couple their failures.
      enableAutoPipelining: false,
    });
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
