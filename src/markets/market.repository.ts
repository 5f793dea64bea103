import type { Principal } from "../auth/principal";
import type { NewPosition } from "../positions/position.repository";
import type { Market, MarketChanges, MarketListQuery, MarketPage } from "./market.model";

/** Data to insert for a new market. */
export interface NewMarket {
  id: string;
  name: string;
  description: string;
  createdAt: number;
}

/**
 * Storage port for markets. Writes take the acting principal so the adapter can upsert the
 * user row atomically with the write (D1 has no interactive transactions).
 */
export interface MarketRepository {
  list(query: MarketListQuery): Promise<MarketPage>;
  findById(id: string): Promise<Market | null>;
  /** Creates the market, and the creator's first position in the same transaction when given. */
  create(actor: Principal, market: NewMarket, initialPosition?: NewPosition): Promise<Market>;
  /** Applies `changes`; null when the market no longer exists. */
  update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number): Promise<Market | null>;
  /** True when a market was deleted. */
  delete(actor: Principal, id: string): Promise<boolean>;
}
