import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { NewPosition } from "./stake";
import type { Market, MarketChanges, MarketColumns, MarketListQuery, MarketPage, MarketSummary } from "./market.model";

/**
 * A market as a write left it, with its search version: every write to what search sees (name,
 * description, status) increments it, and index jobs carry it so stale jobs can be told apart.
 */
export type WrittenMarket = Market & { searchVersion: number };

/**
 * What a guarded write requires of the row, checked by the statement that writes (so a concurrent
 * request cannot slip in between a check and the write).
 */
export interface WriteGuard {
  /** Only the market's creator may write (callers who do not moderate). */
  creatorId?: string | undefined;
  /** Only while the market still has this search version (an If-Match read it). */
  searchVersion?: number | undefined;
  /**
   * Only while every field the market's ETag covers is as read (an If-Match matched it): its
   * search version (name, description, status), volume, last change and creator name.
   */
  representation?: Pick<WrittenMarket, "searchVersion" | "volume" | "updatedAt"> & { creatorName: string };
}

/** A guarded update: whether it changed the row, and the row as the transaction left it (null: gone). */
export interface UpdateOutcome {
  changed: boolean;
  market: WrittenMarket | null;
}

/** A guarded delete: the deleted row's last search version, or why the row that remains was kept. */
export interface DeleteOutcome {
  deleted: { searchVersion: number } | null;
  remaining: { searchVersion: number; hasPositions: boolean } | null;
}

/**
 * Storage port for markets. Writes take the acting principal so the adapter can upsert the
 * user row atomically with the write (D1 has no interactive transactions).
 */
export interface MarketRepository {
  list(query: MarketListQuery): Promise<MarketPage>;
  findById(id: string): Promise<Market | null>;
  /** The markets among `ids` that exist, in one query, in no particular order. */
  findManyByIds(ids: string[]): Promise<MarketSummary[]>;
  /** A market with its search version, read where writes go (never a cache), for a write to check. */
  findForWrite(id: string): Promise<WrittenMarket | null>;
  /** A client proved its copy of the market stale (a 412): drop any cached copy. */
  forget(id: string): void;
  /** Writes the market (and initial position); `idempotency` is stored in the same transaction. */
  create(actor: Principal, market: MarketColumns, initialPosition?: NewPosition, idempotency?: IdempotencyRecord): Promise<WrittenMarket>;
  /**
   * Applies `changes` and increments the search version, only if the market is not resolved and
   * `guard` holds; the actor's profile is refreshed only when the row changed.
   */
  update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number, guard: WriteGuard): Promise<UpdateOutcome>;
  /**
   * Deletes the market, only if it has no positions (financial records are never deleted) and
   * `guard` holds; the actor's profile is refreshed only when a row was deleted.
   */
  delete(actor: Principal, id: string, guard: WriteGuard): Promise<DeleteOutcome>;
}
