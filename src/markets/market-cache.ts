import type { Logger } from "../log/logger";
import { errorFields } from "../log/logger";
import type { FoldedWrites } from "./folded-writes";

/** What the cache did for this request, reported as the X-Cache header. */
export interface CacheStatus {
  value?: "HIT" | "MISS" | "BYPASS";
}

// Versioned key names: a change of stored shape changes the prefix, never misreads old entries.
/** KV key of one cached market. */
export const MARKET_KEY = (id: string) => `market:v1:${id}`;
const GENERATION_KEY = "markets:generation:v1";
const LIST_KEY = (generation: string, query: string) => `markets:list:v1:${generation}:${query}`;
/** KV refuses TTLs under 60 s. */
const KV_MIN_TTL = 60;

/**
 * Market entries in Workers KV. Single markets are keyed by id and deleted on change; every list
 * page is keyed under the collection's generation, which writes replace, so one KV write makes
 * all cached pages unreachable without listing keys. Those writes reach KV folded to at most one
 * per key per second (see FoldedWrites). KV failures are logged and treated as misses: the cache
 * can slow a request down, never fail it.
 */
export class MarketCache {
  private generation?: Promise<string>;

  constructor(
    private readonly kv: KVNamespace,
    /** This isolate's invalidation writes, shared by its requests. */
    private readonly invalidations: FoldedWrites,
    private readonly ttlSeconds: number,
    private readonly waitUntil: (p: Promise<unknown>) => void,
    private readonly logger: Logger,
    readonly status: CacheStatus,
    /**
     * False for writes and for requests carrying a D1 bookmark: they must see the database, not a
     * copy that may predate their own write (KV is eventually consistent across locations).
     */
    private readonly serveReads: boolean,
  ) {}

  /** A cached market, or null (recording HIT, MISS or BYPASS in `status`). */
  getMarket<T>(id: string): Promise<T | null> {
    return this.read<T>(MARKET_KEY(id));
  }

  /** Stores a market after the response is sent. */
  putMarket(id: string, value: unknown): void {
    this.write(MARKET_KEY(id), value);
  }

  async getList<T>(query: string): Promise<T | null> {
    if (!this.serveReads) return this.read<T>("");
    return this.read<T>(LIST_KEY(await this.currentGeneration(), query));
  }

  async putList(query: string, value: unknown): Promise<void> {
    if (!this.serveReads) return;
    this.write(LIST_KEY(await this.currentGeneration(), query), value);
  }

  /**
   * After a write: drop the market's entry and make every cached list page unreachable. In the
   * background: the write's response does not wait for KV (whose changes take up to a minute to
   * reach other locations anyway; a client that must read its write sends its bookmark).
   */
  invalidate(marketId?: string): void {
    this.waitUntil(
      Promise.all([
        marketId ? this.folded("delete", MARKET_KEY(marketId), (key) => this.kv.delete(key)) : undefined,
        this.folded("put", GENERATION_KEY, (key) => this.kv.put(key, crypto.randomUUID())),
      ]),
    );
  }

  /** Drops one market's entry (in the background), e.g. when a client proved it stale. */
  forget(marketId: string): void {
    this.waitUntil(this.folded("delete", MARKET_KEY(marketId), (key) => this.kv.delete(key)));
  }

  private currentGeneration(): Promise<string> {
    this.generation ??= this.guard("get", () => this.kv.get(GENERATION_KEY)).then((g) => g ?? "0");
    return this.generation;
  }

  private async read<T>(key: string): Promise<T | null> {
    if (!this.serveReads) {
      this.status.value = "BYPASS";
      return null;
    }
    const value = await this.guard("get", () => this.kv.get<T>(key, "json"));
    this.status.value = value === null || value === undefined ? "MISS" : "HIT";
    return value ?? null;
  }

  private write(key: string, value: unknown): void {
    if (!this.serveReads) return;
    const ttl = Math.max(KV_MIN_TTL, this.ttlSeconds);
    this.waitUntil(this.guard("put", () => this.kv.put(key, JSON.stringify(value), { expirationTtl: ttl })));
  }

  /** One invalidation write of `key`, folded with the isolate's other writes of it. */
  private folded(op: string, key: string, write: (key: string) => Promise<void>): Promise<void> {
    return this.invalidations.write(key, async () => {
      // guard answers null when the write failed (and logged it).
      const written = await this.guard(op, async () => {
        await write(key);
        return true;
      });
      return written === true;
    });
  }

  private async guard<T>(op: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (err) {
      this.logger.warn("kv cache unavailable", { op, ...errorFields(err) });
      return null;
    }
  }
}
