import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { Page } from "../db/keyset";
import type { MyPosition, Position, PositionPageQuery } from "./position.model";
import type { NewPosition } from "../markets/stake";
import type { PositionRepository } from "./position.repository";
import type { MarketCache } from "../markets/market-cache";

/** Positions change market volume: placing one invalidates the market and every cached list. */
export class CachedPositionRepository implements PositionRepository {
  constructor(
    private readonly inner: PositionRepository,
    private readonly cache: MarketCache,
  ) {}

  async place(actor: Principal, marketId: string, position: NewPosition, idempotency?: IdempotencyRecord) {
    const placed = await this.inner.place(actor, marketId, position, idempotency);
    if ("position" in placed) this.cache.invalidate(marketId);
    return placed;
  }

  listByMarket(marketId: string, query: PositionPageQuery): Promise<Page<Position> | null> {
    return this.inner.listByMarket(marketId, query);
  }

  listByUser(userId: string, query: PositionPageQuery): Promise<Page<MyPosition>> {
    return this.inner.listByUser(userId, query);
  }
}
