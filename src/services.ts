import type { Config } from "./config";
import { createDatabase } from "./db/client";
import { createLogger } from "./http/logger";
import { CursorCodec } from "./pagination/cursor";
import { D1PositionRepository } from "./positions/d1-position.repository";
import { PositionService } from "./positions/position.service";
import { D1MarketRepository } from "./markets/d1-market.repository";
import { MarketService } from "./markets/market.service";
import { MemoryRateLimiter } from "./rate-limit/memory-rate-limiter";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import { UpstashRateLimiter } from "./rate-limit/upstash-rate-limiter";

/** Everything handlers call into. */
export interface Services {
  markets: MarketService;
  positions: PositionService;
  rateLimiter: RateLimiter;
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

/**
 * The composition root: the one place that decides which adapter serves each port, from the
 * configuration and the bindings that exist. Per-request objects here are cheap wrappers.
 */
export function createServices(config: Config, d1: D1DatabaseSession): Services {
  const db = createDatabase(d1);
  const cursors = new CursorCodec(config.jwt.secret);
  const marketRepository = new D1MarketRepository(db);
  return {
    markets: new MarketService(marketRepository, cursors),
    positions: new PositionService(new D1PositionRepository(db), marketRepository, cursors),
    rateLimiter: rateLimiterFor(config),
    pingDatabase: async () => {
      await d1.prepare("SELECT 1").first();
    },
  };
}
