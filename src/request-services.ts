import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER, InvalidBookmarkError, openSession } from "./db/session";
import { holdWritesUntil } from "./db/write-gate";
import type { AppEnv } from "./env";
import { ApiError } from "./http/errors";
import { isSafeMethod } from "./http/methods";
import { setResponseHeaders } from "./http/response-headers";
import { createServices } from "./services";

/** The request's D1 session, from its bookmark if any; a bookmark D1 could not have issued is a 400. */
function openRequestSession(db: D1Database, bookmark: string | undefined, writes: boolean): D1DatabaseSession {
  try {
    return openSession(db, bookmark, writes);
  } catch (err) {
    if (!(err instanceof InvalidBookmarkError)) throw err;
    throw new ApiError(400, "validation_failed", `Invalid ${BOOKMARK_HEADER} header`, [
      { location: "header", path: BOOKMARK_HEADER, message: err.message },
    ]);
  }
}

/**
 * Opens the request's D1 session (from its bookmark, if any) and builds its services; sends the
 * session's latest bookmark back. Runs after CORS, so a refused bookmark is a 400 a browser can read.
 * On an /api write the session holds statements that write until the rate limiter settles
 * `writeAdmission` (see rateLimit): the decision overlaps with the write's reads, never its commit.
 *
 * @example app.use("*", requestServices());
 */
export const requestServices = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    const writes = !isSafeMethod(c.req.method);
    const bookmark = c.req.header(BOOKMARK_HEADER);
    const session = openRequestSession(c.env.DB, bookmark, writes);
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
