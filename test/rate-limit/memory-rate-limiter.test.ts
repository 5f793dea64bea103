import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "../../src/rate-limit/memory-rate-limiter";
import type { RateLimitTier, TierLimit } from "../../src/rate-limit/rate-limiter";

const tiers = (anonymous: TierLimit): Record<RateLimitTier, TierLimit> => ({
  anonymous,
  user: { limit: 100, windowSeconds: 60 },
  write: { limit: 100, windowSeconds: 60 },
  admin: { limit: 100, windowSeconds: 60 },
});

describe("MemoryRateLimiter (sliding log)", () => {
  it("allows exactly the limit within the window, then frees one slot per expired request", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(tiers({ limit: 3, windowSeconds: 10 }), () => now);
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await limiter.limit("anonymous", "ip:1"));
      now += 1_000;
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]?.resetAt).toBe(1_000_000 + 10_000);
    now = 1_000_000 + 10_000; // the first request leaves the window (times <= now - window expire)
    expect((await limiter.limit("anonymous", "ip:1")).allowed).toBe(true);
    expect((await limiter.limit("anonymous", "ip:1")).allowed).toBe(false);
    expect((await limiter.limit("anonymous", "ip:2")).allowed).toBe(true);
  });

  it("stays exact across many expiries with a high limit (expired times are dropped, not rescanned)", async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(tiers({ limit: 5_000, windowSeconds: 1 }), () => now);
    for (let i = 0; i < 20_000; i++) {
      now = i; // one request per millisecond: 1 000 in every one-second window
      const r = await limiter.limit("anonymous", "ip:busy");
      expect(r.allowed).toBe(true);
      if (i >= 1_000) expect(r.remaining).toBe(5_000 - 1_000);
    }
  });
});
