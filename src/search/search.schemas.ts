import { z } from "@hono/zod-openapi";
import { MARKET_STATUSES } from "../db/schema";
import { MarketSummarySchema } from "../markets/market.schemas";
import { SEARCH_MODES } from "./search.service";

/** Largest page of search results. */
export const MAX_SEARCH_LIMIT = 50;

export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).openapi({ description: "What to look for (1-200 characters)", example: "rain in Lisbon" }),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  status: z.enum(MARKET_STATUSES).optional().openapi({ description: "Only markets in this state" }),
  mode: z.enum(SEARCH_MODES).default("hybrid").openapi({
    description:
      "semantic: by meaning (embeddings); keyword: by words (BM25); hybrid: both, fused by reciprocal rank. Falls back to keyword when the vector index has nothing.",
  }),
});

export const SearchHitSchema = MarketSummarySchema.extend({
  score: z.number().openapi({
    description: "Higher is better: cosine similarity (semantic), negated BM25 (keyword) or reciprocal-rank-fusion sum (hybrid)",
  }),
}).openapi("SearchHit");

export const SearchMetaSchema = z
  .object({
    mode: z.enum(SEARCH_MODES).openapi({ description: "The mode asked for" }),
    served: z.enum(SEARCH_MODES).openapi({ description: "The ranking that answered (keyword when semantic found nothing)" }),
    limit: z.number().int(),
  })
  .openapi("SearchMeta");
