import { jsonETag } from "../http/cache-headers";
import { ok } from "../http/envelope";
import type { Market } from "./market.model";
import { presentSummary } from "./market.schemas";

/**
 * The ETag GET /api/markets/{id} serves for `market`: a hash of the exact body. Writes compare
 * If-Match against it, so the two can never disagree.
 */
export function marketETag(market: Market): Promise<string> {
  return jsonETag(marketBody(market));
}

/** The response body of a single market. */
export const marketBody = (market: Market) => ok(presentSummary(market));
