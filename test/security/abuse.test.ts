import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../helpers/api";
import { hsToken, uniqueSub } from "../helpers/tokens";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 6)}`;

describe("nothing burns CPU for free before authentication", () => {
  it("refuses an oversized Authorization header without parsing it", async () => {
    // The shape that made the old bearer pattern backtrack quadratically (~5 s of CPU at 100 KB).
    for (const size of [32_000, 100_000]) {
      const { res, json } = await call("GET", "/api/markets?limit=1", { headers: { Authorization: `Bearer a.${"a".repeat(size)}!` } });
      expect(res.status).toBe(401);
      expect(json.error).toMatchObject({ code: "unauthorized", message: "Authorization header exceeds 8192 characters" });
      expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    }
  });

  it("refuses malformed bearers under the cap with the shape message", async () => {
    for (const value of [`Bearer a.${"a".repeat(8000)}!`, "Bearer a.b", "Bearer a.b.c.d", "Bearer a..c", "Bearer  a.b.c!", "bearer a.b.c"]) {
      const { res, json } = await call("GET", "/api/markets?limit=1", { headers: { Authorization: value } });
      expect(res.status, value.slice(0, 40)).toBe(401);
      expect(json.error?.message).toBe("Authorization header must be 'Bearer <token>'");
    }
  });

  it("reads no token outside /api: /health and /openapi.json never verify one", async () => {
    const bad = { headers: { Authorization: "Bearer a.b.c" } };
    expect((await call("GET", "/health", bad)).res.status).toBe(200);
    expect((await call("GET", "/openapi.json", bad)).res.status).toBe(200);
  });
});

describe("failed authentication is rate limited", () => {
  const limits = (spec: string) => ({ RATE_LIMITS: spec }) as unknown as Partial<Env>;
  const get = (e: Partial<Env>, ip: string, authorization?: string) =>
    fetchWith(e, "/api/markets?limit=1", { headers: { "CF-Connecting-IP": ip, ...(authorization ? { Authorization: authorization } : {}) } });

  it("charges refused tokens to the address's anonymous budget: 401s with RateLimit headers, then 429", async () => {
    const e = limits("anonymous=5/60s,user=100/60s");
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await get(e, ip, "Bearer a.b.c");
      statuses.push(res.status);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // The same address without a token is now over its budget too: bad tokens are not a free lane.
    expect((await get(e, ip)).status).toBe(429);
  });

  it("keeps valid tokens on their own per-user budget, whatever the address has spent", async () => {
    const e = limits("anonymous=2/60s,user=100/60s");
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) await get(e, ip, "Bearer a.b.c");
    expect((await get(e, ip, "Bearer a.b.c")).status).toBe(429);
    const res = await get(e, ip, `Bearer ${await hsToken({ sub: uniqueSub() })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBe("100");
  });

  it("gives an IPv6 /64 one budget: rotating through its addresses mints none", async () => {
    const e = limits("anonymous=3/60s");
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await get(e, i % 2 ? `${net}::${i.toString(16)}` : `${net}:0:0:0:${i.toString(16)}`, "Bearer a.b.c")).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it("counts oversized headers like any refused token", async () => {
    const e = limits("anonymous=2/60s");
    const ip = uniqueIp();
    const huge = `Bearer ${"a".repeat(20_000)}`;
    expect([(await get(e, ip, huge)).status, (await get(e, ip, huge)).status, (await get(e, ip, huge)).status]).toEqual([401, 401, 429]);
  });
});

describe("public endpoints outside /api are not an unlimited path into D1 or CPU", () => {
  it("/health shares one D1 query among the checks of a second", async () => {
    const { db, counter } = countingD1(env.DB);
    const results = await Promise.all(Array.from({ length: 40 }, () => fetchWith({ DB: db }, "/health")));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(counter.statements).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await fetchWith({ DB: db }, "/health")).status).toBe(200);
    expect(counter.statements).toBe(2);
  });

  it("/openapi.json is built once and served with an ETag; a revalidation is a 304", async () => {
    const first = await call("GET", "/openapi.json");
    const etag = first.res.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await call("GET", "/openapi.json", { headers: { "If-None-Match": etag! } });
    expect(again.res.status).toBe(304);
    expect(again.text).toBe("");
    expect((await call("GET", "/openapi.json")).text).toBe(first.text);
  });
});
