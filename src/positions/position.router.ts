import { principalWith } from "../auth/require-permission";
import { jsonETag } from "../http/cache-headers";
import { ok } from "../http/envelope";
import { idempotentWrite } from "../idempotency/idempotent-write";
import type { Position } from "./position.model";
import { createRouter } from "../http/router";
import * as routes from "./position.routes";
import { presentPosition } from "./position.schemas";

/** Position endpoints. */
export const positionRouter = createRouter()
  .openapi(routes.placePosition, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const marketId = c.req.valid("param").id;
    const input = c.req.valid("json");
    const render = (position: Position, volume: number) => ok({ ...presentPosition(position), market: { id: marketId, volume } });
    return idempotentWrite(c, actor, input, async (store) => {
      const placed = await c.get("services").positions.place(
        actor,
        marketId,
        input,
        store &&
          ((p) =>
            store({
              status: 201,
              body: render(p, 0),
              fill: [
                { path: "$.data.market.volume", from: "marketVolume", marketId },
                { path: "$.data.user.displayName", from: "userName" },
              ],
            })),
      );
      return c.json(render(placed.position, placed.volume), 201);
    });
  })
  .openapi(routes.listMarketPositions, async (c) => {
    const query = c.req.valid("query");
    const page = await c.get("services").positions.listForMarket(c.req.valid("param").id, query);
    const body = ok(page.items.map(presentPosition), { limit: query.limit, hasMore: page.hasMore, nextCursor: page.nextCursor });
    return c.json(body, 200, { ETag: await jsonETag(body) });
  })
  .openapi(routes.listMyPositions, async (c) => {
    const actor = principalWith(c.get("principal"), "read");
    const query = c.req.valid("query");
    const page = await c.get("services").positions.listForUser(actor.id, query);
    const body = ok(page.items.map(presentPosition), { limit: query.limit, hasMore: page.hasMore, nextCursor: page.nextCursor });
    return c.json(body, 200, { ETag: await jsonETag(body), "Cache-Control": "private, no-store" });
  });
