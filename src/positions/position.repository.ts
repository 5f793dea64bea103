import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { MyPosition, Page, Position, PositionInput, PositionPageQuery } from "./position.model";

/** A position to write, with its id and time chosen by the service. */
export interface NewPosition extends PositionInput {
  id: string;
  createdAt: number;
}

/** Storage port for positions. */
export interface PositionRepository {
  /**
   * Writes the position and adds its amount to the market's volume atomically, only while the
   * market is active. Null when the market was not active (or gone) at write time.
   */
  /** Writes the position and the volume change; `idempotency` is stored in the same transaction. */
  place(
    actor: Principal,
    marketId: string,
    position: NewPosition,
    idempotency?: IdempotencyRecord,
  ): Promise<{ position: Position; volume: number } | null>;
  /** A market's positions, newest first; null when the market does not exist. */
  listByMarket(marketId: string, query: PositionPageQuery): Promise<Page<Position> | null>;
  /** A user's positions with their markets, newest first. */
  listByUser(userId: string, query: PositionPageQuery): Promise<Page<MyPosition>>;
}
