import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { errorFields } from "../http/logger";
import type { RateLimitTier } from "./rate-limiter";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Which budget a request draws from. */
export function tierFor(method: string, path: string, authenticated: boolean): RateLimitTier {
  if (path.startsWith("/api/admin/")) return "admin";
  if (!authenticated) return "anonymous";
  return WRITE_METHODS.has(method) ? "write" : "user";
}

/**
 * Global rate limiting, after authentication. The identity is the token's subject, else the
 * client address Cloudflare reports in CF-Connecting-IP (X-Forwarded-For is client-controlled).
 * A request whose token was refused is charged to its address's anonymous budget before its 401
 * is answered, so failed verifications are limited like any other anonymous request.
 * Every response carries RateLimit-Limit/Remaining/Reset (delta seconds); a 429 adds Retry-After.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get("principal");
  const tier = tierFor(c.req.method, c.req.path, principal !== undefined);
  const identity = principal ? `user:${principal.id}` : `ip:${c.req.header("CF-Connecting-IP") ?? "unknown"}`;
  const decision = await c.get("services").rateLimiter.limit(tier, identity);
  if (decision.pending) c.executionCtx.waitUntil(decision.pending);

  if (decision.degraded) {
    const failClosed = c.get("config").rateLimit.failClosedWrites && WRITE_METHODS.has(c.req.method);
    c.get("logger").warn("rate limiter unavailable", {
      // Counted by log-based metrics/alerts: one event per request decided without Upstash, by
      // this isolate's own limiter (still a limit, but not a global one) or refused outright.
      metric: failClosed ? "rate_limit.fail_closed" : "rate_limit.local_fallback",
      count: 1,
      reason: decision.degraded,
      tier,
      policy: failClosed ? "fail-closed" : "local",
      ...(decision.failure === undefined ? {} : errorFields(decision.failure)),
    });
    if (failClosed) {
      throw new ApiError(503, "service_unavailable", "Rate limiting is unavailable; retry shortly", undefined, {
        "Retry-After": "5",
      });
    }
  }

  const resetSeconds = Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000));
  c.header("RateLimit-Limit", String(decision.limit));
  c.header("RateLimit-Remaining", String(decision.remaining));
  c.header("RateLimit-Reset", String(resetSeconds));
  if (!decision.allowed) {
    throw new ApiError(429, "rate_limited", `Too many requests; retry in ${Math.max(1, resetSeconds)} s`, undefined, {
      "Retry-After": String(Math.max(1, resetSeconds)),
    });
  }
  const authFailure = c.get("authFailure");
  if (authFailure) throw authFailure;
  return next();
});
