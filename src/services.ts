import { CachedMarketRepository } from "./cache/cached-market.repository";
import { CachedPositionRepository } from "./cache/cached-position.repository";
import { type CacheStatus, MarketCache } from "./cache/market-cache";
import type { Config } from "./config";
import { createDatabase } from "./db/client";
import { createLogger, type Logger } from "./http/logger";
import { CursorCodec } from "./pagination/cursor";
import { D1PositionRepository } from "./positions/d1-position.repository";
import type { PositionRepository } from "./positions/position.repository";
import { PositionService } from "./positions/position.service";
import { D1MarketRepository } from "./markets/d1-market.repository";
import type { MarketRepository } from "./markets/market.repository";
import { MarketService } from "./markets/market.service";
import { MemoryRateLimiter } from "./rate-limit/memory-rate-limiter";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import { UpstashRateLimiter } from "./rate-limit/upstash-rate-limiter";

/** Everything handlers call into. */
export interface Services {
  markets: MarketService;
  positions: PositionService;
  rateLimiter: RateLimiter;
  /** What the KV cache did for this request (absent when caching is off). */
  cacheStatus?: CacheStatus;
  /** Cheapest possible round trip to D1, for health checks. */
  pingDatabase(): Promise<void>;
}

// Long-lived clients are built once per isolate (config objects are themselves per isolate).
const rateLimiters = new WeakMap<Config, RateLimiter>();

function rateLimiterFor(config: Config): RateLimiter {
  let limiter = rateLimiters.get(config);
  if (!limiter) {
    const { upstash, tiers, timeoutMs } = config.rateLimit;
    if (upstash) {
      limiter = new UpstashRateLimiter({ ...upstash, tiers, timeoutMs });
    } else {
      limiter = new MemoryRateLimiter(tiers);
      createLogger().warn(
        "rate limits are local to this isolate: UPSTASH_REDIS_REST_URL/TOKEN are not set (fine for local development only)",
      );
    }
    rateLimiters.set(config, limiter);
  }
  return limiter;
}

/** Per-request inputs of the composition root. */
export interface RequestScope {
  d1: D1DatabaseSession;
  /** The KV namespace for read caching, when bound. */
  kv?: KVNamespace;
  waitUntil: (promise: Promise<unknown>) => void;
  logger: Logger;
  /** Reads may be answered from the cache (false for writes and bookmarked requests). */
  cacheReads: boolean;
}

/**
 * The composition root: the one place that decides which adapter serves each port, from the
 * configuration and the bindings that exist. Per-request objects here are cheap wrappers.
 */
export function createServices(config: Config, scope: RequestScope): Services {
  const db = createDatabase(scope.d1);
  const cursors = new CursorCodec(config.jwt.secret);
  let marketRepository: MarketRepository = new D1MarketRepository(db);
  let positionRepository: PositionRepository = new D1PositionRepository(db);
  let cacheStatus: CacheStatus | undefined;
  if (scope.kv && config.cacheTtlSeconds > 0) {
    cacheStatus = {};
    const cache = new MarketCache(scope.kv, config.cacheTtlSeconds, scope.waitUntil, scope.logger, cacheStatus, scope.cacheReads);
    marketRepository = new CachedMarketRepository(marketRepository, cache);
    positionRepository = new CachedPositionRepository(positionRepository, cache);
  }
  return {
    markets: new MarketService(marketRepository, cursors),
    positions: new PositionService(positionRepository, marketRepository, cursors),
    rateLimiter: rateLimiterFor(config),
    ...(cacheStatus ? { cacheStatus } : {}),
    pingDatabase: async () => {
      await scope.d1.prepare("SELECT 1").first();
    },
  };
}
