import { z } from "@hono/zod-openapi";
import { MARKET_STATUSES } from "../db/schema";
import { MarketSummarySchema, trimmedText } from "./market.schemas";
import { SEARCH_MODES } from "./market-search.service";

/** Largest page of search results. */
export const MAX_SEARCH_LIMIT = 50;

export const SearchQuerySchema = z.strictObject({
  q: trimmedText(1, 200).openapi({ example: "rain in Lisbon" }),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  status: z.enum(MARKET_STATUSES).optional(),
  mode: z.enum(SEARCH_MODES).default("hybrid").openapi({ description: "hybrid: semantic and keyword rankings fused (RRF)" }),
});

export const SearchHitSchema = MarketSummarySchema.extend({
  score: z.number().openapi({ description: "Higher is better: cosine (semantic), -BM25 (keyword), RRF sum (hybrid)" }),
}).openapi("SearchHit");

export const SearchMetaSchema = z
  .object({
    mode: z.enum(SEARCH_MODES),
    served: z.enum(SEARCH_MODES).openapi({ description: "The ranking that answered (keyword when semantic had nothing)" }),
    limit: z.number().int(),
  })
  .openapi("SearchMeta");
