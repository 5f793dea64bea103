import { ok } from "../http/envelope";
import { createRouter } from "../http/router";
import { presentSummary } from "./market.schemas";
import * as routes from "./market-search.routes";

/** GET /api/markets/search. Mounted before the market router so `search` is never taken for an id. */
export const searchRouter = createRouter().openapi(routes.searchMarkets, async (c) => {
  const query = c.req.valid("query");
  const { items, served } = await c.get("services").search.search(query);
  return c.json(ok(items.map(presentSummary), { mode: query.mode, served, limit: query.limit }), 200);
});
