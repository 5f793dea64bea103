import { ok } from "../http/envelope";
import { createRouter } from "../http/router";
import type { IndexFailure } from "../indexing/index-failure.repository";
import * as routes from "./admin.routes";
import { isoTime } from "../lib/iso-time";

const present = ({ createdAt, ...f }: IndexFailure) => ({ ...f, createdAt: isoTime(createdAt) });

/** Operator endpoints (permission `admin`): search index backfill and lost index jobs. */
export const adminRouter = createRouter()
  .openapi(routes.reindex, async (c) => {
    const result = await c.get("services").indexing.reindex();
    return c.json(ok(result), 202);
  })
  .openapi(routes.listIndexFailures, async (c) => {
    const query = c.req.valid("query");
    const page = await c.get("services").indexing.listFailures(query);
    c.header("Cache-Control", "private, no-store");
    return c.json(
      ok(page.items.map(present), { limit: query.limit, hasMore: page.hasMore, nextCursor: page.nextCursor }),
      200,
    );
  })
  .openapi(routes.replayIndexFailures, async (c) => {
    const { limit } = c.req.valid("json");
    return c.json(ok(await c.get("services").indexing.replay(limit)), 200);
  });
