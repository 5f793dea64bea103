import type { IdempotencyRecord } from "../idempotency/idempotency";
import type { Principal } from "../auth/principal";
import type { Market, MarketChanges, MarketColumns, MarketListQuery, MarketPage, MarketSummary } from "./market.model";
import type { DeleteOutcome, MarketRepository, UpdateOutcome, WriteGuard, WrittenMarket } from "./market.repository";
import type { NewPosition } from "./stake";
import type { MarketCache } from "./market-cache";

/**
 * Cache-aside in KV in front of any MarketRepository (a decorator: same port, same results).
 * Reads try KV first and fill it after responding; writes go to the inner repository, then
 * invalidate what they changed.
 */
export class CachedMarketRepository implements MarketRepository {
  constructor(
    private readonly inner: MarketRepository,
    private readonly cache: MarketCache,
  ) {}

  async findById(id: string): Promise<Market | null> {
    const cached = await this.cache.getMarket<Market>(id);
    if (cached) return cached;
    const market = await this.inner.findById(id);
    if (market) this.cache.putMarket(id, market);
    return market;
  }

  async list(query: MarketListQuery): Promise<MarketPage> {
    const key = JSON.stringify([query.status ?? "", query.sort, query.order, query.limit, query.offset, query.after ?? null]);
    const cached = await this.cache.getList<MarketPage>(key);
    if (cached) return cached;
    const page = await this.inner.list(query);
    await this.cache.putList(key, page);
    return page;
  }

  /** Not cached: a write must check the row as it is now. */
  findForWrite(id: string): Promise<WrittenMarket | null> {
    return this.inner.findForWrite(id);
  }

  forget(id: string): void {
    this.cache.forget(id);
  }

  /** Not cached: search results are assembled per query and must reflect the latest writes. */
  findManyByIds(ids: string[]): Promise<MarketSummary[]> {
    return this.inner.findManyByIds(ids);
  }

  async create(actor: Principal, market: MarketColumns, initialPosition?: NewPosition, idempotency?: IdempotencyRecord): Promise<WrittenMarket> {
    const created = await this.inner.create(actor, market, initialPosition, idempotency);
    this.cache.invalidate();
    return created;
  }

  async update(actor: Principal, id: string, changes: MarketChanges, updatedAt: number, guard: WriteGuard): Promise<UpdateOutcome> {
    const outcome = await this.inner.update(actor, id, changes, updatedAt, guard);
    if (outcome.changed) this.cache.invalidate(id);
    return outcome;
  }

  async delete(actor: Principal, id: string, guard: WriteGuard): Promise<DeleteOutcome> {
    const outcome = await this.inner.delete(actor, id, guard);
    if (outcome.deleted) this.cache.invalidate(id);
    return outcome;
  }
}
