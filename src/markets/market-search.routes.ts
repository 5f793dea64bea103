import { createRoute } from "@hono/zod-openapi";
import { optionalAuth } from "../http/openapi-contract";
import { pageResponses } from "../pagination/page-schemas";
import { SearchHitSchema, SearchMetaSchema, SearchQuerySchema } from "./market-search.schemas";

export const searchMarkets = createRoute({
  method: "get",
  path: "/api/markets/search",
  operationId: "searchMarkets",
  tags: ["Markets"],
  summary: "Search markets by meaning and keywords, best first",
  description: "Falls back to the keyword ranking when semantic search has nothing (see meta.served).",
  security: optionalAuth,
  request: { query: SearchQuerySchema },
  responses: pageResponses(SearchHitSchema, SearchMetaSchema, "Matches", 400, 401),
});
