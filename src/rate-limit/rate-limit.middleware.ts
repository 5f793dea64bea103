import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { errorFields } from "../log/logger";
import { isSafeMethod } from "../http/methods";
import { setResponseHeaders } from "../http/response-headers";
import type { RateLimitDecision, RateLimitTier } from "./rate-limiter";

/** Which budget a request draws from. */
export function tierFor(method: string, path: string, authenticated: boolean): RateLimitTier {
  // Unauthenticated (or refused) callers have one budget per address, whatever the path.
  if (!authenticated) return "anonymous";
  if (path.startsWith("/api/admin/")) return "admin";
  return isSafeMethod(method) ? "user" : "write";
}

/**
 * The budget key of a caller without a valid token: its address, with an IPv6 address reduced to
 * its /64 (one host's usual allocation), so rotating through it does not mint new budgets.
 */
export function addressIdentity(address: string | undefined): string {
  if (!address || address.length > 64) return "ip:unknown";
  if (!address.includes(":")) return `ip:${address}`;
  const [head = "", tail] = address.toLowerCase().split("::", 2);
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `ip6:${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Global rate limiting, after authentication. The identity is the token's subject, else the
 * client address Cloudflare reports in CF-Connecting-IP (X-Forwarded-For is client-controlled).
 *
 * - Reads do not wait for Upstash when this isolate already knows the identity's budget: they are
 *   counted in the background, and refused here once Upstash has said the identity is over its
 *   limit (see ReadAdmission for the bound on over-admission).
 * - Writes are counted alongside their own look-ups (idempotency key, the market they change), and
 *   the session holds every statement that writes until the decision: nothing commits over the limit.
 * - A request whose token was refused is charged to its address's anonymous budget before its 401.
 *
 * Every response carries RateLimit-Limit/Remaining/Reset (delta seconds); a 429 adds Retry-After.
 *
 * @example app.use("/api/*", authenticate(), rateLimit());
 */
export const rateLimit = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get("principal");
    const tier = tierFor(c.req.method, c.req.path, principal !== undefined);
    const identity = principal ? `user:${principal.id}` : addressIdentity(c.req.header("CF-Connecting-IP"));
    const count = () => countRequest(c, tier, identity);
    const authFailure = c.get("authFailure");

    if (isSafeMethod(c.req.method)) {
      const services = c.get("services");
      admitOrRefuse(c, await services.readAdmission.admit(tier, identity, count, (work) => c.executionCtx.waitUntil(work)));
      if (authFailure) throw authFailure;
      return next();
    }

    const decided = count().then((d) => admitOrRefuse(c, d));
    c.get("writeAdmission")?.(decided);
    if (authFailure) {
      await decided;
      throw authFailure;
    }
    try {
      await next();
    } finally {
      // Settled by now if the handler wrote; otherwise (it failed or wrote nothing) its answer still
      // waits for the decision, so a request over the limit is a 429 whatever else was wrong with it.
      await decided;
    }
  });

/** Counts the request, logging (as a metric) when Upstash could not decide; 503 if writes fail closed. */
async function countRequest(c: Context<AppEnv>, tier: RateLimitTier, identity: string): Promise<RateLimitDecision> {
  const decision = await c.get("services").rateLimiter.limit(tier, identity);
  if (decision.pending) c.executionCtx.waitUntil(decision.pending);
  if (decision.degraded) {
    // A write with a refused token can never commit: it gets its 401, not a 503 to retry.
    const failClosed = c.get("config").rateLimit.failClosedWrites && !isSafeMethod(c.req.method) && !c.get("authFailure");
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
  return decision;
}

/** Puts the RateLimit-* headers on the response; a 429 when the decision refuses. */
function admitOrRefuse(c: Context<AppEnv>, decision: RateLimitDecision): void {
  const resetSeconds = Math.max(0, Math.ceil((decision.resetAt - Date.now()) / 1000));
  const headers = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(resetSeconds),
  };
  if (!decision.allowed) {
    const retryAfter = String(Math.max(1, resetSeconds));
    throw new ApiError(429, "rate_limited", `Too many requests; retry in ${retryAfter} s`, undefined, { ...headers, "Retry-After": retryAfter });
  }
  // The response may already exist (a write's decision can settle after its handler returned).
  if (c.finalized) setResponseHeaders(c, headers);
  else for (const [name, value] of Object.entries(headers)) c.header(name, value);
}
