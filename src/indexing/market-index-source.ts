import { asc, gt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { markets } from "../db/schema";
import type { MarketStatus } from "../markets/market.model";

/** What indexing reads of a market: the text to embed, the status to filter on, the version. */
export interface IndexableMarket {
  id: string;
  name: string;
  description: string;
  status: MarketStatus;
  searchVersion: number;
}

/** The markets side of indexing: current state for a batch of jobs, and every market for a reindex. */
export interface MarketIndexSource {
  /** The markets among `ids` that exist, in one query. */
  findForIndexing(ids: string[]): Promise<IndexableMarket[]>;
  /** Ids and search versions in id order after `afterId` (keyset), for a reindex. */
  versionsAfter(afterId: string | null, limit: number): Promise<{ id: string; searchVersion: number }[]>;
}

/** MarketIndexSource over D1 through Drizzle. */
export class D1MarketIndexSource implements MarketIndexSource {
  constructor(private readonly db: Database) {}

  findForIndexing(ids: string[]): Promise<IndexableMarket[]> {
    if (ids.length === 0) return Promise.resolve([]);
    // One JSON parameter for up to 100 ids: D1 allows 100 bound parameters per statement.
    return this.db
      .select({
        id: markets.id,
        name: markets.name,
        description: markets.description,
        status: markets.status,
        searchVersion: markets.searchVersion,
      })
      .from(markets)
      .where(sql`${markets.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  }

  versionsAfter(afterId: string | null, limit: number) {
    return this.db
      .select({ id: markets.id, searchVersion: markets.searchVersion })
      .from(markets)
      .where(afterId === null ? undefined : gt(markets.id, afterId))
      .orderBy(asc(markets.id))
      .limit(limit);
  }
}
