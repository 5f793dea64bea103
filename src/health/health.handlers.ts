import { ok } from "../http/envelope";
import { ApiError } from "../http/errors";
import { errorFields } from "../log/logger";
import { createRouter } from "../http/router";
import * as routes from "./health.routes";

/** How long one D1 answer stands for every health check on this isolate. */
const PING_REUSE_MS = 1000;
// Per D1 binding (one per isolate in production): the last ping and when it started.
const pings = new WeakMap<object, { at: number; done: Promise<void> }>();

/**
 * GET /health: answers 200 only when D1 answers a trivial query. Checks arriving within a second
 * of each other share one query (also while it is in flight), so however often /health is called
 * (it is public and not rate limited) it sends this isolate at most one query per second.
 */
export const healthRouter = createRouter().openapi(routes.health, async (c) => {
  let ping = pings.get(c.env.DB);
  if (!ping || Date.now() - ping.at >= PING_REUSE_MS) {
    ping = { at: Date.now(), done: c.get("services").pingDatabase() };
    ping.done.catch(() => {}); // awaited below; a failure is reported by each check sharing it
    pings.set(c.env.DB, ping);
  }
  try {
    await ping.done;
  } catch (err) {
    c.get("logger").error("health check failed", errorFields(err));
    throw new ApiError(503, "service_unavailable", "Database unreachable");
  }
  c.header("Cache-Control", "no-store");
  return c.json(ok({ status: "ok" as const, checks: { d1: "ok" as const } }), 200);
});
