import { asc, gt } from "drizzle-orm";
import type { Database } from "../db/client";
import { inList } from "../db/in-list";
import { type MarketRow, markets } from "../db/schema";

/** What indexing reads of a market: the text to embed, the status to filter on, the version. */
export type IndexableMarket = Pick<MarketRow, "id" | "name" | "description" | "status" | "searchVersion">;

/**
 * The markets side of indexing, read from D1 through Drizzle: current state for a batch of jobs,
 * and every market for a reindex.
 */
export class MarketIndexSource {
  constructor(private readonly db: Database) {}

  /** The markets among `ids` that exist, in one query. */
  findForIndexing(ids: string[]): Promise<IndexableMarket[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: markets.id,
        name: markets.name,
        description: markets.description,
        status: markets.status,
        searchVersion: markets.searchVersion,
      })
      .from(markets)
      .where(inList(markets.id, ids));
  }

  /** Ids and search versions in id order after `afterId` (keyset), for a reindex. */
  versionsAfter(afterId: string | null, limit: number) {
    return this.db
      .select({ id: markets.id, searchVersion: markets.searchVersion })
      .from(markets)
      .where(afterId === null ? undefined : gt(markets.id, afterId))
      .orderBy(asc(markets.id))
      .limit(limit);
  }
}
