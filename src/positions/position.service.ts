import type { Principal } from "../auth/principal";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import { ApiError, notFound } from "../http/errors";
import type { CursorCodec, CursorScope } from "../pagination/cursor";
import { MAX_VOLUME, type NewPosition, type PositionInput } from "../markets/stake";
import type { Page } from "../db/keyset";
import type { MyPosition, Position } from "./position.model";
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
    private readonly cursors: CursorCodec,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** The position a placement will write, with its id and time chosen here (the handler renders from it). */
  draft(input: PositionInput): NewPosition {
    return { ...input, id: this.newId(), createdAt: this.now() };
  }

  /**
   * Places a drafted position on an active market: 404 if missing, 409 if not active or if the
   * amount would take its volume past MAX_VOLUME. The market is not read first: the write's own
   * guarded statements decide, in one round trip. `idempotency` is stored in the same transaction,
   * only with the position (the volume and the caller's stored name are filled in there).
   */
  async place(
    actor: Principal,
    marketId: string,
    position: NewPosition,
    idempotency?: IdempotencyRecord,
  ): Promise<{ position: Position; volume: number }> {
    const placed = await this.positions.place(actor, marketId, position, idempotency);
    if ("position" in placed) return placed;
    if (placed.refused === "not_found") throw notFound("Market");
    if (placed.refused === "not_active") throw notActive();
    throw new ApiError(409, "conflict", `This position would take the market's volume past ${MAX_VOLUME}`);
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
