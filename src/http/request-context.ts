import { createMiddleware } from "hono/factory";
import { loadConfig } from "../config";
import { BOOKMARK_HEADER, openSession } from "../db/session";
import type { AppEnv } from "../env";
import { createServices } from "../services";
import { handleError } from "./error-handler";
import { createLogger } from "./logger";
import { setResponseHeaders } from "./response-headers";

/**
 * Gives the request its logger, config, D1 session and services, and writes the one access-log line
 * (ts, level, requestId, method, path, status, durationMs) when the response is ready.
 * Runs right after Hono's requestId middleware so every later failure carries the id.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const logger = createLogger({ requestId: c.get("requestId") });
  c.set("logger", logger);
  try {
    await setUp();
  } catch (err) {
    // Failures here (bad configuration, a malformed bookmark) happen before the route runs, so
    // they are answered here, before the access-log line reads the status.
    c.res = handleError(err instanceof Error ? err : new Error(String(err)), c);
  } finally {
    const status = c.res.status;
    logger.log(status >= 500 ? "error" : status >= 400 ? "warn" : "info", "request", {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Date.now() - started,
    });
  }

  async function setUp() {
    const config = loadConfig(c.env as unknown as Record<string, unknown>);
    c.set("config", config);
    const writes = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    const bookmark = c.req.header(BOOKMARK_HEADER);
    const session = openSession(c.env.DB, bookmark, writes);
    c.set(
      "services",
      createServices(config, {
        d1: session,
        search: { AI: c.env.AI, VECTORIZE: c.env.VECTORIZE },
        indexQueue: c.env.INDEX_QUEUE,
        kv: c.env.CACHE,
        waitUntil: (p) => c.executionCtx.waitUntil(p),
        logger,
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
  }
});
