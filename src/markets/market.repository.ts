import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { NewPosition } from "../positions/position.repository";
import type { Market, MarketChanges, MarketListQuery, MarketPage, MarketSummary } from "./market.model";

/** Data to insert for a new market. */
export interface NewMarket {
  id: string;
  name: string;
  description: string;
  createdAt: number;
}

/**
 * A market as a write left it, with its search version: every write to what search sees (name,
 * description, status) increments it, and index jobs carry it so stale jobs can be told apart.
 */
export type WrittenMarket = Market & { searchVersion: number };

/**
 * Storage port for markets. Writes take the acting principal so the adapter can upsert the
 * user row atomically with the write (D1 has no interactive transactions).
 */
export interface MarketRepository {
  list(query: MarketListQuery): Promise<MarketPage>;
  findById(id: string): Promise<Market | null>;
  /** The markets among `ids` that exist, in one query, in no particular order. */
  findManyByIds(ids: string[]): Promise<MarketSummary[]>;
  /** Creates the market, and the creator's first position in the same transaction when given. */
  /** Writes the market (and initial position); `idempotency` is stored in the same transaction. */
  create(actor: Principal, market: NewMarket, initialPosition?: NewPosition, idempotency?: IdempotencyRecord): Promise<WrittenMarket>;
  /** Applies `changes` and increments the search version; null when the market no longer exists. */
  update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number): Promise<WrittenMarket | null>;
  /** Deletes the market; its last search version, or null when there was nothing to delete. */
  delete(actor: Principal, id: string): Promise<{ searchVersion: number } | null>;
}
