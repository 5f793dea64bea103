import { createRoute } from "@hono/zod-openapi";
import { errorResponses, jsonResponse, pageSchema } from "../http/envelope";
import { SearchHitSchema, SearchMetaSchema, SearchQuerySchema } from "./search.schemas";

export const searchMarkets = createRoute({
  method: "get",
  path: "/api/markets/search",
  tags: ["Markets"],
  summary: "Search markets by meaning and keywords, best first",
  request: { query: SearchQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(SearchHitSchema, SearchMetaSchema), "Matches"),
    ...errorResponses(400, 401),
  },
});
