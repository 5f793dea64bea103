import type { After, Page } from "../db/keyset";
import type { MarketStatus } from "../db/schema";

export type { MarketStatus };

/** The public face of a user, embedded in market responses. */
export interface CreatorRef {
  id: string;
  displayName: string;
}

/** A market as lists show it (no description, to keep pages small). */
export interface MarketSummary {
  id: string;
  name: string;
  status: MarketStatus;
  volume: number;
  creator: CreatorRef;
  createdAt: number;
  updatedAt: number;
}

/** A market with every field. */
export interface Market extends MarketSummary {
  description: string;
}

/**
 * A market's columns as stored: the creator as id and copied name. A create writes exactly these
 * (the search version starts at 1); reads turn them into a Market with {@link toMarket}.
 */
export interface MarketColumns {
  id: string;
  name: string;
  description: string;
  status: MarketStatus;
  volume: number;
  creatorId: string;
  creatorName: string;
  createdAt: number;
  updatedAt: number;
}

// Fields every view of a market starts with, in the order every response lists them.
const leading = (row: Omit<MarketColumns, "description">) => ({
  id: row.id,
  name: row.name,
  status: row.status,
  volume: row.volume,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/**
 * The summary a row shows. Fields always come in the same order, so a response, its cached copy
 * and the response stored for its Idempotency-Key serialize alike (and so hash to the same ETag).
 */
export const toSummary = (row: Omit<MarketColumns, "description">): MarketSummary => ({
  ...leading(row),
  creator: { id: row.creatorId, displayName: row.creatorName },
});

/** The market a row shows: as {@link toSummary}, with the description before the creator. */
export const toMarket = (row: MarketColumns): Market => ({
  ...leading(row),
  description: row.description,
  creator: { id: row.creatorId, displayName: row.creatorName },
});

/** Sort keys a list may use; each is backed by an index ending in `id`. */
export const MARKET_SORTS = ["volume", "created_at", "name"] as const;
export type MarketSort = (typeof MARKET_SORTS)[number];

/** A page request for the market list. */
export interface MarketListQuery {
  status?: MarketStatus;
  sort: MarketSort;
  order: "asc" | "desc";
  limit: number;
  offset: number;
  /** Keyset pagination: rows strictly after this (sort value, id) in the listing's order. */
  after?: After;
}

/** A page of markets; `hasMore` comes from reading one row past the page. */
export type MarketPage = Page<MarketSummary>;

/** Fields a client may set on a market. */
export interface MarketChanges {
  name?: string;
  description?: string;
  status?: MarketStatus;
}
