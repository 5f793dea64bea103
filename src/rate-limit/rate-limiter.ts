/** Named request classes, each with its own budget. */
export const RATE_LIMIT_TIERS = ["anonymous", "user", "write", "admin"] as const;
export type RateLimitTier = (typeof RATE_LIMIT_TIERS)[number];

/** A tier's budget: `limit` requests per sliding `windowSeconds`. */
export interface TierLimit {
  limit: number;
  windowSeconds: number;
}

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the budget is whole again. */
  resetAt: number;
  /** Background work the platform must be allowed to finish (`ctx.waitUntil`). */
  pending?: Promise<unknown>;
  /** Set when the global backend could not answer and this isolate's own limiter decided instead. */
  degraded?: "timeout" | "error";
  /** The backend's failure when `degraded` is "error" (for the log, not the client). */
  failure?: unknown;
}

/**
 * Counts requests per identity and tier. Implementations: UpstashRateLimiter (global, production)
 * and MemoryRateLimiter (this isolate only, for local development without Redis).
 */
export interface RateLimiter {
  /** Which backend answers, for logs. */
  readonly backend: "upstash" | "memory";
  limit(tier: RateLimitTier, identity: string): Promise<RateLimitDecision>;
}
