import { createMiddleware } from "hono/factory";
import { loadConfig } from "../config";
import { BOOKMARK_HEADER, openSession } from "./d1-session";
import { holdWritesUntil } from "../db/write-gate";
import type { AppEnv } from "../env";
import { createServices } from "../services";
import { handleError } from "./error-handler";
import { createLogger } from "./logger";
import { isSafeMethod } from "./methods";
import { setResponseHeaders } from "./response-headers";

/**
 * Gives the request its logger and config, and writes the one access-log line (ts, level,
 * requestId, method, path, route, status, durationMs, cache) when the response is ready. Runs right after
 * Hono's requestId middleware so every later failure carries the id.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
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

/**
 * Opens the request's D1 session (from its bookmark, if any) and builds its services; sends the
 * session's latest bookmark back. Runs after CORS, so a refused bookmark is a 400 a browser can read.
 * On an /api write the session holds statements that write until the rate limiter settles
 * `writeAdmission` (see rateLimit): the decision overlaps with the write's reads, never its commit.
 */
export const requestServices = createMiddleware<AppEnv>(async (c, next) => {
  const writes = !isSafeMethod(c.req.method);
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const session = openSession(c.env.DB, bookmark, writes);
  let d1: D1DatabaseSession = session;
  if (writes && c.req.path.startsWith("/api/")) {
    let settle!: (decision: Promise<unknown>) => void;
    d1 = holdWritesUntil(session, new Promise((resolve) => (settle = resolve)));
    c.set("writeAdmission", settle);
  }
  c.set(
    "services",
    createServices(c.get("config"), {
      d1,
      primary: () => c.env.DB.withSession("first-primary"),
      search: { AI: c.env.AI, VECTORIZE: c.env.VECTORIZE },
      indexQueue: c.env.INDEX_QUEUE,
      kv: c.env.CACHE,
      waitUntil: (p) => c.executionCtx.waitUntil(p),
      logger: c.get("logger"),
      cacheReads: !writes && bookmark === undefined,
    }),
  );
  try {
    await next();
  } finally {
    // The latest bookmark, also on errors: a client that wrote then failed still reads its write.
    const latest = session.getBookmark();
    if (latest) setResponseHeaders(c, { [BOOKMARK_HEADER]: latest });
  }
});
