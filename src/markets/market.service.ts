import { canModerate } from "../auth/permissions";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import { ApiError, notFound } from "../http/errors";
import type { IndexJob } from "../indexing/index-job";
import type { CursorCodec, Keyset } from "../pagination/cursor";
import type { PositionInput } from "../positions/position.model";
import type { Market, MarketChanges, MarketListQuery, MarketPage, MarketSummary } from "./market.model";
import type { MarketRepository, WrittenMarket } from "./market.repository";

/** Input for a new market, optionally with the creator's first position. */
export interface CreateMarketInput {
  name: string;
  description: string;
  initialPosition?: PositionInput | undefined;
}

/** A list request as the API receives it: offset paging or an opaque cursor. */
export type MarketListRequest = Omit<MarketListQuery, "after"> & { cursor?: string };

/** A page plus the cursor of the next one (null on the last page). */
export interface MarketListResult extends MarketPage {
  nextCursor: string | null;
}

const keysetOf = (m: MarketSummary, sort: MarketListQuery["sort"]): Keyset => ({
  value: sort === "volume" ? m.volume : sort === "name" ? m.name : m.createdAt,
  id: m.id,
});

/** Where index jobs go after a successful write (the producer; it never makes the write wait or fail). */
export interface IndexJobSink {
  enqueue(jobs: IndexJob[]): void;
}

/**
 * Business rules for markets: who may change what, and which changes are allowed. Every write
 * that changes what search sees is followed by an index job.
 */
export class MarketService {
  constructor(
    private readonly markets: MarketRepository,
    private readonly cursors: CursorCodec,
    private readonly indexJobs: IndexJobSink,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async list({ cursor, ...query }: MarketListRequest): Promise<MarketListResult> {
    const scope = {
      key: `markets:${query.sort}:${query.order}:${query.status ?? "*"}`,
      value: query.sort === "name" ? ("string" as const) : ("number" as const),
    };
    if (cursor !== undefined && query.offset > 0) {
      throw new ApiError(400, "validation_failed", "Use either cursor or offset, not both", [
        { location: "query", path: "offset", message: "not allowed together with cursor" },
      ]);
    }
    const after = cursor === undefined ? undefined : await this.cursors.decode(scope, cursor);
    const page = await this.markets.list({ ...query, ...(after ? { after } : {}) });
    return this.cursors.paginate(scope, page, (m: MarketSummary) => keysetOf(m, query.sort));
  }

  async get(id: string): Promise<Market> {
    return (await this.markets.findById(id)) ?? throwNotFound();
  }

  /**
   * Creates a market (and the creator's initial position). `remember` turns the market this write
   * will produce into the Idempotency-Key record stored with it.
   */
  async create(
    actor: Principal,
    { initialPosition, ...input }: CreateMarketInput,
    remember?: (expected: Market) => IdempotencyRecord,
  ): Promise<Market> {
    const createdAt = this.now();
    const id = this.newId();
    const position = initialPosition && { ...initialPosition, id: this.newId(), createdAt };
    // In the order the repository returns a market, so a replay reads like the first response.
    const expected: Market = {
      id,
      name: input.name,
      status: "active",
      volume: position?.amount ?? 0,
      createdAt,
      updatedAt: createdAt,
      description: input.description,
      creator: { id: actor.id, displayName: actor.displayName },
    };
    return this.indexed(await this.markets.create(actor, { id, ...input, createdAt }, position, remember?.(expected)));
  }

  /** Applies `changes` if the actor created the market or moderates; resolved markets are final. */
  async update(actor: Principal, id: string, changes: MarketChanges): Promise<Market> {
    const current = await this.get(id);
    if (current.creator.id !== actor.id && !canModerate(actor.role)) {
      throw new ApiError(403, "forbidden", "Only the market's creator, a moderator or an admin may change it");
    }
    if (current.status === "resolved") {
      throw new ApiError(409, "conflict", "A resolved market can no longer be changed");
    }
    return this.indexed((await this.markets.update(actor, id, changes, this.now())) ?? throwNotFound());
  }

  async delete(actor: Principal, id: string): Promise<void> {
    const deleted = (await this.markets.delete(actor, id)) ?? throwNotFound();
    // One past the market's last version: outranks every upsert job for it still in flight.
    this.indexJobs.enqueue([{ op: "delete", marketId: id, version: deleted.searchVersion + 1 }]);
  }

  /** Enqueues the upsert job for a write and returns the market without its search version. */
  private indexed({ searchVersion, ...market }: WrittenMarket): Market {
    this.indexJobs.enqueue([{ op: "upsert", marketId: market.id, version: searchVersion }]);
    return market;
  }
}

function throwNotFound(): never {
  throw notFound("Market");
}
