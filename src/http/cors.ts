import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { ROUTED_METHODS } from "./methods";
import { setResponseHeaders } from "./response-headers";

const ALLOWED_HEADERS = ["Authorization", "Content-Type", "X-Request-Id", "X-D1-Bookmark", "If-None-Match", "If-Match", "Idempotency-Key"];
const EXPOSED_HEADERS = ["X-Request-Id", "X-D1-Bookmark", "X-Cache", "ETag", "Location", "Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"];

/**
 * CORS: Hono's middleware answers preflights; on other requests the same two headers (plus
 * `Vary: Origin` for an origin list) are set on the finished response. Hono's version sets them on
 * a Response it creates before the route runs, which Hono then copies into the route's response:
 * two extra Response/Headers copies on every request.
 *
 * @example app.use("*", crossOrigin({ origins: ["https://app.example.com"] }));
 */
export const crossOrigin = (options: { origins: string[] | "*" }): MiddlewareHandler => {
  const { origins } = options;
  const preflight = cors({
    origin: origins,
    allowHeaders: ALLOWED_HEADERS,
    // The methods routes are declared for, and the preflight itself.
    allowMethods: [...ROUTED_METHODS, "OPTIONS"],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  const exposed = EXPOSED_HEADERS.join(",");
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    const origin = c.req.header("origin") ?? "";
    setResponseHeaders(
      c,
      {
        "Access-Control-Allow-Origin": origins === "*" ? "*" : origins.includes(origin) ? origin : undefined,
        "Access-Control-Expose-Headers": exposed,
        Vary: origins === "*" ? undefined : "Origin",
      },
      ["Vary"],
    );
  };
};
