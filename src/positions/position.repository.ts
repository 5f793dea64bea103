import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { NewPosition } from "../markets/stake";
import type { Page } from "../db/keyset";
import type { MyPosition, Position, PositionPageQuery } from "./position.model";

/** Why a position was not written: the market is gone, not active, or its volume is full. */
export type PlaceRefusal = "not_found" | "not_active" | "volume_full";

/** Storage port for positions. */
export interface PositionRepository {
  /**
   * Writes the position and adds its amount to the market's volume in one transaction, only while
   * the market exists, is active and has room under MAX_VOLUME; `idempotency` and the actor's
   * profile are written in the same transaction, and only with the position.
   */
  place(
    actor: Principal,
    marketId: string,
    position: NewPosition,
    idempotency?: IdempotencyRecord,
  ): Promise<{ position: Position; volume: number } | { refused: PlaceRefusal }>;
  /** A market's positions, newest first; null when the market does not exist. */
  listByMarket(marketId: string, query: PositionPageQuery): Promise<Page<Position> | null>;
  /** A user's positions with their markets, newest first. */
  listByUser(userId: string, query: PositionPageQuery): Promise<Page<MyPosition>>;
}
