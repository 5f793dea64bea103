import type { Principal } from "../auth/principal";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import { ApiError, notFound } from "../http/errors";
import type { MarketRepository } from "../markets/market.repository";
import type { CursorCodec, CursorScope } from "../pagination/cursor";
import type { MyPosition, Page, Position, PositionInput } from "./position.model";
import type { PositionRepository } from "./position.repository";

/** A newest-first page request as the API receives it. */
export interface PositionListRequest {
  limit: number;
  cursor?: string;
}

/** A page plus the cursor of the next one. */
export type PositionListResult<T> = Page<T> & { nextCursor: string | null };

const notActive = () => new ApiError(409, "market_not_active", "Positions can only be taken on an active market");

/** Taking positions and listing them. */
export class PositionService {
  constructor(
    private readonly positions: PositionRepository,
    private readonly markets: MarketRepository,
    private readonly cursors: CursorCodec,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /**
   * Places a position on an active market (404 if missing, 409 if not active). `remember` turns the
   * position this write will produce into the Idempotency-Key record stored with it (the volume is
   * filled in inside the transaction).
   */
  async place(
    actor: Principal,
    marketId: string,
    input: PositionInput,
    remember?: (expected: Position) => IdempotencyRecord,
  ): Promise<{ position: Position; volume: number }> {
    const market = await this.markets.findById(marketId);
    if (!market) throw notFound("Market");
    if (market.status !== "active") throw notActive();
    const position = { ...input, id: this.newId(), createdAt: this.now() };
    // In the order the repository returns a position, so a replay reads like the first response.
    const expected: Position = {
      id: position.id,
      marketId,
      user: { id: actor.id, displayName: actor.displayName },
      side: position.side,
      amount: position.amount,
      createdAt: position.createdAt,
    };
    const placed = await this.positions.place(actor, marketId, position, remember?.(expected));
    // The market changed between the read and the write (closed or deleted): no position, volume
    // or stored response was written (the same batch did refresh the caller's profile from the
    // token's claims, as any authenticated write does).
    if (!placed) throw notActive();
    return placed;
  }

  async listForMarket(marketId: string, req: PositionListRequest): Promise<PositionListResult<Position>> {
    const scope: CursorScope = { key: `positions:market:${marketId}`, value: "number" };
    const page = await this.positions.listByMarket(marketId, await this.query(scope, req));
    if (!page) throw notFound("Market");
    return this.withCursor(scope, page);
  }

  async listForUser(userId: string, req: PositionListRequest): Promise<PositionListResult<MyPosition>> {
    const scope: CursorScope = { key: `positions:user:${userId}`, value: "number" };
    return this.withCursor(scope, await this.positions.listByUser(userId, await this.query(scope, req)));
  }

  private async query(scope: CursorScope, req: PositionListRequest) {
    if (req.cursor === undefined) return { limit: req.limit };
    const { value, id } = await this.cursors.decode(scope, req.cursor);
    return { limit: req.limit, after: { value: value as number, id } };
  }

  private withCursor<T extends { id: string; createdAt: number }>(scope: CursorScope, page: Page<T>) {
    return this.cursors.paginate(scope, page, (row: T) => ({ value: row.createdAt, id: row.id }));
  }
}
