import { canModerate } from "../auth/permissions";
import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import { ApiError, notFound } from "../http/errors";
import type { IndexJobProducer } from "../indexing/producer";
import type { CursorCodec, Keyset } from "../pagination/cursor";
import type { NewPosition, PositionInput } from "./stake";
import type { Market, MarketChanges, MarketColumns, MarketListQuery, MarketPage, MarketSummary } from "./market.model";
import { type EntityTags, ifMatchAllows, preconditionFailed } from "../http/preconditions";
import { marketETag } from "./market.etag";
import type { MarketRepository, WrittenMarket } from "./market.repository";

/** Input for a new market, optionally with the creator's first position. */
export interface CreateMarketInput {
  name: string;
  description: string;
  initialPosition?: PositionInput | undefined;
}

/** A create as {@link MarketService.draft} prepared it: the row to write and the creator's initial position. */
export interface MarketDraft {
  market: MarketColumns;
  position?: NewPosition | undefined;
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

/**
 * Business rules for markets: who may change what, and which changes are allowed. Every write
 * that changes what search sees is followed by an index job.
 */
export class MarketService {
  constructor(
    private readonly markets: MarketRepository,
    private readonly cursors: CursorCodec,
    private readonly indexJobs: IndexJobProducer,
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
   * The market a create will write, with its id and time (and its initial position's) chosen
   * here. The handler renders the response from it before the write, for an Idempotency-Key.
   */
  draft(actor: Principal, { initialPosition, ...input }: CreateMarketInput): MarketDraft {
    const createdAt = this.now();
    const id = this.newId();
    const position = initialPosition && { ...initialPosition, id: this.newId(), createdAt };
    const market: MarketColumns = {
      id,
      name: input.name,
      description: input.description,
      status: "active",
      volume: position?.amount ?? 0,
      creatorId: actor.id,
      // Empty when the token names nobody: a trigger (migrations/0003) copies the stored name.
      creatorName: actor.claims.name ?? "",
      createdAt,
      updatedAt: createdAt,
    };
    return { market, position };
  }

  /** Writes a drafted market (and its initial position); `idempotency` is stored in the same transaction. */
  async create(actor: Principal, { market, position }: MarketDraft, idempotency?: IdempotencyRecord): Promise<Market> {
    return this.indexed(await this.markets.create(actor, market, position, idempotency));
  }

  /**
   * Applies `changes` if the actor created the market or moderates; resolved markets are final;
   * with If-Match, only to the market as the client last read it. Each rule is checked here for a
   * clear answer and again by the statement that writes, so a concurrent change cannot slip in.
   */
  async update(actor: Principal, id: string, changes: MarketChanges, ifMatch?: EntityTags): Promise<Market> {
    const current = await this.findForWrite(id, ifMatch);
    const moderator = canModerate(actor.role);
    if (current.creator.id !== actor.id && !moderator) {
      throw new ApiError(403, "forbidden", "Only the market's creator, a moderator or an admin may change it");
    }
    if (current.status === "resolved") throw resolvedIsFinal();
    const { changed, market } = await this.markets.update(actor, id, changes, this.now(), {
      creatorId: moderator ? undefined : actor.id,
      representation: pinned(ifMatch, current),
    });
    if (changed && market) return this.indexed(market);
    // Refused by the statement itself: something changed since the read above.
    if (!market) throw ifMatch === undefined ? notFound("Market") : this.stale(id);
    if (ifMatch !== undefined && ifMatch !== "*") throw this.stale(id);
    if (market.status === "resolved") throw resolvedIsFinal();
    throw concurrentChange();
  }

  /**
   * Deletes a market that has no positions (positions are financial records: a market with any is
   * closed or resolved, never deleted); with If-Match, only the market as the client last read it.
   */
  async delete(actor: Principal, id: string, ifMatch?: EntityTags): Promise<void> {
    const representation = ifMatch === undefined ? undefined : pinned(ifMatch, await this.findForWrite(id, ifMatch));
    const { deleted, remaining } = await this.markets.delete(actor, id, { representation });
    if (deleted) {
      // One past the market's last version: outranks every upsert job for it still in flight.
      this.indexJobs.enqueue([{ op: "delete", marketId: id, version: deleted.searchVersion + 1 }]);
      return;
    }
    if (!remaining) throw ifMatch === undefined ? notFound("Market") : this.stale(id);
    if (remaining.hasPositions) {
      throw new ApiError(409, "conflict", "A market with positions is never deleted; close or resolve it instead");
    }
    if (representation !== undefined) throw this.stale(id);
    throw concurrentChange();
  }

  /**
   * The market as it is now, for a write to check; with If-Match, preconditions first (RFC 9110
   * 13.2.2): a missing market or another ETag is a 412.
   */
  private async findForWrite(id: string, ifMatch: EntityTags | undefined): Promise<WrittenMarket> {
    const current = await this.markets.findForWrite(id);
    if (ifMatch === undefined) return current ?? throwNotFound();
    if (!current) throw preconditionFailed();
    const { searchVersion: _, ...market } = current;
    if (!ifMatchAllows(ifMatch, await marketETag(market))) throw this.stale(id);
    return current;
  }

  /** A 412; the client's ETag may have come from a cached copy, which is dropped so its next read is fresh. */
  private stale(id: string) {
    this.markets.forget(id);
    return preconditionFailed();
  }

  /** Enqueues the upsert job for a write and returns the market without its search version. */
  private indexed({ searchVersion, ...market }: WrittenMarket): Market {
    this.indexJobs.enqueue([{ op: "upsert", marketId: market.id, version: searchVersion }]);
    return market;
  }
}

const resolvedIsFinal = () => new ApiError(409, "conflict", "A resolved market can no longer be changed");
const concurrentChange = () => new ApiError(409, "conflict", "The market changed while this request was being handled; retry");

/** What the write must find unchanged: everything the matched ETag covers ("*" pins nothing). */
const pinned = (ifMatch: EntityTags | undefined, m: WrittenMarket) =>
  ifMatch === undefined || ifMatch === "*"
    ? undefined
    : { searchVersion: m.searchVersion, volume: m.volume, updatedAt: m.updatedAt, creatorName: m.creator.displayName };

function throwNotFound(): never {
  throw notFound("Market");
}
