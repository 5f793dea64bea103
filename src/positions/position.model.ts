import type { After } from "../db/keyset";
import type { CreatorRef, MarketStatus } from "../markets/market.model";
import type { NewPosition, PositionSide } from "../markets/stake";

/** A position as a market's position list shows it. */
export interface Position {
  id: string;
  marketId: string;
  user: CreatorRef;
  side: PositionSide;
  amount: number;
  createdAt: number;
}

/**
 * The position `p` is once `user` placed it on `marketId`. Fields always come in this order, so a
 * response and the response stored for its Idempotency-Key serialize alike.
 */
export const placedPosition = (p: NewPosition, marketId: string, user: CreatorRef): Position => ({
  id: p.id,
  marketId,
  user,
  side: p.side,
  amount: p.amount,
  createdAt: p.createdAt,
});

/** A position in the caller's own list, with the market it is on. */
export interface MyPosition {
  id: string;
  side: PositionSide;
  amount: number;
  createdAt: number;
  market: { id: string; name: string; status: MarketStatus };
}

/** Newest-first page request; `after` is the (createdAt, id) of the previous page's last row. */
export interface PositionPageQuery {
  limit: number;
  after?: After<number>;
}
