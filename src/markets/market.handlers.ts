import type { RouteHandler } from "@hono/zod-openapi";
import { principalWith } from "../auth/require-permission";
import type { AppEnv } from "../env";
import { jsonWithETag } from "../http/cache-headers";
import { ok } from "../http/envelope";
import { parseIfMatch } from "../http/preconditions";
import { createRouter } from "../http/router";
import { idempotentWrite } from "../idempotency/idempotent-write";
import { marketBody } from "./market.etag";
import { toMarket } from "./market.model";
import * as routes from "./market.routes";
import { presentSummary } from "./market.schemas";

/** PUT and PATCH: the same rules and response; only the body's schema differs (every field, or some). */
const changeMarket: RouteHandler<typeof routes.replaceMarket | typeof routes.patchMarket, AppEnv> = async (c) => {
  const actor = principalWith(c.get("principal"), "write");
  const ifMatch = parseIfMatch(c.req.header("If-Match"));
  const market = await c.get("services").markets.update(actor, c.req.valid("param").id, c.req.valid("json"), ifMatch);
  return jsonWithETag(c, marketBody(market), 200);
};

/** Market endpoints; validation and documentation come from the route definitions. */
export const marketRouter = createRouter()
  .openapi(routes.listMarkets, async (c) => {
    const query = c.req.valid("query");
    const page = await c.get("services").markets.list(query);
    const body = ok(page.items.map(presentSummary), {
      limit: query.limit,
      offset: query.offset,
      hasMore: page.hasMore,
      nextCursor: page.nextCursor,
    });
    return jsonWithETag(c, body, 200);
  })
  .openapi(routes.getMarket, async (c) => {
    const market = await c.get("services").markets.get(c.req.valid("param").id);
    return jsonWithETag(c, marketBody(market), 200);
  })
  .openapi(routes.createMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const input = c.req.valid("json");
    const markets = c.get("services").markets;
    const draft = markets.draft(actor, input);
    const location = `/api/markets/${draft.market.id}`;
    return idempotentWrite(
      c,
      actor,
      input,
      // The creator's name as stored is only known inside the write's transaction.
      () => ({ status: 201, body: marketBody(toMarket(draft.market)), location, fill: [{ path: "$.data.creator.displayName", from: "userName" }] }),
      async (record) => {
        const market = await markets.create(actor, draft, record);
        c.header("Location", location);
        return c.json(marketBody(market), 201);
      },
    );
  })
  .openapi(routes.replaceMarket, changeMarket)
  .openapi(routes.patchMarket, changeMarket)
  .openapi(routes.deleteMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "delete");
    await c.get("services").markets.delete(actor, c.req.valid("param").id, parseIfMatch(c.req.header("If-Match")));
    return c.body(null, 204);
  });
