import { createRoute } from "@hono/zod-openapi";
import { errorResponses, jsonResponse, pageSchema } from "../http/envelope";
import { SearchHitSchema, SearchMetaSchema, SearchQuerySchema } from "./search.schemas";

export const searchMarkets = createRoute({
  method: "get",
  path: "/api/markets/search",
  tags: ["Markets"],
  summary: "Search markets by meaning and keywords",
  description:
    "Results are ordered by descending score. New and changed markets become searchable by meaning once their index job has run (seconds); keyword matches are immediate.",
  request: { query: SearchQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(SearchHitSchema, SearchMetaSchema), "Matching markets, best first"),
    ...errorResponses(400, 401),
  },
});
