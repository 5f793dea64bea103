import { createDatabase } from "./db/client";
import { D1MarketRepository } from "./markets/d1-market.repository";
import { MarketService } from "./markets/market.service";

/** Everything handlers call into, built per request from the bindings. */
export interface Services {
  markets: MarketService;
  /** Cheapest possible round trip to D1, for health checks. */
  pingDatabase(): Promise<void>;
}

/**
 * The composition root: the one place that decides which adapter serves each port,
 * based on which bindings exist.
 */
export function createServices(env: Env): Services {
  const db = createDatabase(env.DB);
  return {
    markets: new MarketService(new D1MarketRepository(db)),
    pingDatabase: async () => {
      await env.DB.prepare("SELECT 1").first();
    },
  };
}
