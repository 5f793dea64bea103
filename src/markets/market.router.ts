import { principalWith } from "../auth/require-permission";
import { jsonETag } from "../http/cache-headers";
import { idempotentWrite } from "../idempotency/idempotent-write";
import { ok } from "../http/envelope";
import { parseIfMatch } from "../http/preconditions";
import { createRouter } from "../http/router";
import { marketBody, marketETag } from "./market.etag";
import * as routes from "./market.routes";
import { presentSummary } from "./market.schemas";

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
    return c.json(body, 200, { ETag: await jsonETag(body) });
  })
  .openapi(routes.getMarket, async (c) => {
    const market = await c.get("services").markets.get(c.req.valid("param").id);
    return c.json(marketBody(market), 200, { ETag: await marketETag(market) });
  })
  .openapi(routes.createMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const input = c.req.valid("json");
    return idempotentWrite(c, actor, input, async (store) => {
      const market = await c.get("services").markets.create(
        actor,
        input,
        store &&
          ((m) =>
            store({
              status: 201,
              body: ok(presentSummary(m)),
              location: `/api/markets/${m.id}`,
              fill: [{ path: "$.data.creator.displayName", from: "userName" }],
            })),
      );
      c.header("Location", `/api/markets/${market.id}`);
      return c.json(ok(presentSummary(market)), 201);
    });
  })
  .openapi(routes.replaceMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const ifMatch = parseIfMatch(c.req.header("If-Match"));
    const market = await c.get("services").markets.update(actor, c.req.valid("param").id, c.req.valid("json"), ifMatch);
    return c.json(marketBody(market), 200, { ETag: await marketETag(market) });
  })
  .openapi(routes.patchMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const ifMatch = parseIfMatch(c.req.header("If-Match"));
    const market = await c.get("services").markets.update(actor, c.req.valid("param").id, c.req.valid("json"), ifMatch);
    return c.json(marketBody(market), 200, { ETag: await marketETag(market) });
  })
  .openapi(routes.deleteMarket, async (c) => {
    const actor = principalWith(c.get("principal"), "delete");
    await c.get("services").markets.delete(actor, c.req.valid("param").id, parseIfMatch(c.req.header("If-Match")));
    return c.body(null, 204);
  });
