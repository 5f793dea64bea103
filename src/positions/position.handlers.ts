import { principalWith } from "../auth/require-permission";
import { jsonWithETag } from "../http/cache-headers";
import { ok } from "../http/envelope";
import { createRouter } from "../http/router";
import { idempotentWrite } from "../idempotency/idempotent-write";
import { type Position, placedPosition } from "./position.model";
import * as routes from "./position.routes";
import { presentPosition } from "./position.schemas";

/** Position endpoints. */
export const positionRouter = createRouter()
  .openapi(routes.placePosition, async (c) => {
    const actor = principalWith(c.get("principal"), "write");
    const marketId = c.req.valid("param").id;
    const input = c.req.valid("json");
    const positions = c.get("services").positions;
    const position = positions.draft(input);
    const render = (p: Position, volume: number) => ok({ ...presentPosition(p), market: { id: marketId, volume } });
    return idempotentWrite(
      c,
      actor,
      input,
      // The market's new volume and the caller's name as stored are only known inside the write's transaction.
      () => ({
        status: 201,
        body: render(placedPosition(position, marketId, { id: actor.id, displayName: "" }), 0),
        fill: [
          { path: "$.data.market.volume", from: "marketVolume", marketId },
          { path: "$.data.user.displayName", from: "userName" },
        ],
      }),
      async (record) => {
        const placed = await positions.place(actor, marketId, position, record);
        return c.json(render(placed.position, placed.volume), 201);
      },
    );
  })
  .openapi(routes.listMarketPositions, async (c) => {
    const query = c.req.valid("query");
    const page = await c.get("services").positions.listForMarket(c.req.valid("param").id, query);
    const body = ok(page.items.map(presentPosition), { limit: query.limit, hasMore: page.hasMore, nextCursor: page.nextCursor });
    return jsonWithETag(c, body, 200);
  })
  .openapi(routes.listMyPositions, async (c) => {
    const actor = principalWith(c.get("principal"), "read");
    const query = c.req.valid("query");
    const page = await c.get("services").positions.listForUser(actor.id, query);
    const body = ok(page.items.map(presentPosition), { limit: query.limit, hasMore: page.hasMore, nextCursor: page.nextCursor });
    return jsonWithETag(c, body, 200, { "Cache-Control": "private, no-store" });
  });
