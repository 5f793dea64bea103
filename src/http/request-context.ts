import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { loadConfig } from "../config";
import type { AppEnv } from "../env";
import { createLogger } from "../log/logger";
import { handleError } from "./error-handler";

/**
 * Gives the request its logger and config, and writes the one access-log line (ts, level,
 * requestId, method, path, route, status, durationMs, cache) when the response is ready. Runs right after
 * the request id is settled (Hono's requestId, then saneRequestId) so every later failure carries it.
 *
 * @example app.use("*", requestId(), requestContext());
 */
export const requestContext = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = Date.now();
    const logger = createLogger({ requestId: c.get("requestId") });
    c.set("logger", logger);
    try {
      c.set("config", loadConfig(c.env as unknown as Record<string, unknown>));
      await next();
    } catch (err) {
      // A broken configuration fails before any route (or onError's level) runs: it is answered
      // here, before the access-log line reads the status.
      c.res = handleError(err instanceof Error ? err : new Error(String(err)), c);
    } finally {
      const status = c.res.status;
      const cache = c.res.headers.get("x-cache");
      logger.log(status >= 500 ? "error" : status >= 400 ? "warn" : "info", "request", {
        method: c.req.method,
        path: c.req.path,
        // The matched route pattern (/api/markets/:id): error rates and latency group by it.
        route: c.req.routePath,
        status,
        durationMs: Date.now() - started,
        // Only on reads the KV cache was asked about: the hit ratio's numerator and denominator.
        ...(cache ? { cache } : {}),
      });
    }
  });
