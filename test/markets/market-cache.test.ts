import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MARKET_KEY } from "../../src/markets/market-cache";
import { actor, createMarket } from "../helpers/fixtures";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchNow, fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

/** A worker environment with the KV cache on and D1 statements counted. */
function cachedEnv(kv: KVNamespace = env.CACHE) {
  const { db, counter } = countingD1(env.DB);
  const overrides = { DB: db, CACHE: kv, CACHE_TTL_SECONDS: "300" } as unknown as Partial<Env>;
  const request = async (path: string, init: RequestInit = {}) => {
    const before = counter.statements;
    const res = await fetchWith(overrides, path, init);
    const body = await res.text();
    return { res, body, statements: counter.statements - before, cache: res.headers.get("x-cache") };
  };
  return { request };
}

const withToken = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...(init.headers as Record<string, string>) },
});

describe("market by id through the KV cache", () => {
  it("misses, fills, then hits with zero D1 statements and a byte-identical body", async () => {
    const m = await createMarket((await actor()).token);
    const { request } = cachedEnv();
    const miss = await request(`/api/markets/${m.id}`);
    expect(miss.res.status).toBe(200);
    expect(miss.cache).toBe("MISS");
    expect(miss.statements).toBeGreaterThan(0);
    expect(await env.CACHE.get(MARKET_KEY(m.id))).not.toBeNull();

    const hit = await request(`/api/markets/${m.id}`);
    expect(hit.cache).toBe("HIT");
    expect(hit.statements).toBe(0);
    expect(hit.body).toBe(miss.body);
    expect(hit.res.headers.get("etag")).toBe(miss.res.headers.get("etag"));
    expect(hit.res.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("answers If-None-Match with 304 and no body", async () => {
    const m = await createMarket((await actor()).token);
    const { request } = cachedEnv();
    const first = await request(`/api/markets/${m.id}`);
    const etag = first.res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await request(`/api/markets/${m.id}`, { headers: { "If-None-Match": etag } });
    expect(again.res.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.res.headers.get("etag")).toBe(etag);
    expect(again.res.headers.get("x-request-id")).toBeTruthy();
    const changed = await request(`/api/markets/${m.id}`, { headers: { "If-None-Match": '"something-else"' } });
    expect(changed.res.status).toBe(200);
  });

  type Write = (id: string, token: string) => [string, RequestInit];
  it.each<[string, Write]>([
    ["PATCH", (id, token) => [`/api/markets/${id}`, withToken(token, { method: "PATCH", body: JSON.stringify({ name: "Renamed after caching" }) })]],
    ["a new position", (id, token) => [`/api/markets/${id}/positions`, withToken(token, { method: "POST", body: JSON.stringify({ side: "yes", amount: 77 }) })]],
  ])("is invalidated by %s and never served stale afterwards", async (_what, write) => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { request } = cachedEnv();
    await request(`/api/markets/${m.id}`);
    expect((await request(`/api/markets/${m.id}`)).cache).toBe("HIT");
    const [path, init] = write(m.id, alice.token);
    expect([200, 201]).toContain((await request(path, init)).res.status);
    const after = await request(`/api/markets/${m.id}`);
    expect(after.cache).toBe("MISS");
    const fresh = JSON.parse((await fetchWith({}, `/api/markets/${m.id}`).then((r) => r.text())));
    expect(JSON.parse(after.body)).toEqual(fresh);
  });

  it("is invalidated by DELETE", async () => {
    const m = await createMarket((await actor()).token);
    const mod = await actor("moderator");
    const { request } = cachedEnv();
    await request(`/api/markets/${m.id}`);
    expect((await request(`/api/markets/${m.id}`, withToken(mod.token, { method: "DELETE" }))).res.status).toBe(204);
    expect((await request(`/api/markets/${m.id}`)).res.status).toBe(404);
  });

  it("never serves a client that sent a bookmark an older cached copy", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token, { name: "Original name" });
    const { request } = cachedEnv();
    const patched = await request(`/api/markets/${m.id}`, withToken(alice.token, { method: "PATCH", body: JSON.stringify({ name: "Written name" }) }));
    const bookmark = patched.res.headers.get("x-d1-bookmark")!;
    // Another location's KV still holds the old version (KV propagation lags up to ~60 s).
    await env.CACHE.put(MARKET_KEY(m.id), JSON.stringify({ ...m, name: "Original name" }));
    const withBookmark = await request(`/api/markets/${m.id}`, { headers: { "x-d1-bookmark": bookmark } });
    expect(withBookmark.cache).toBe("BYPASS");
    expect(JSON.parse(withBookmark.body).data.name).toBe("Written name");
    expect(withBookmark.res.headers.get("cache-control")).toBe("private, no-store");
    // Without a bookmark a client may see the lagging copy, as documented.
    expect((await request(`/api/markets/${m.id}`)).cache).toBe("HIT");
  });
});

describe("market lists through the KV cache", () => {
  it("hits with zero statements until a write bumps the generation, then includes the write", async () => {
    const alice = await actor();
    const { request } = cachedEnv();
    const path = "/api/markets?sort=created_at&order=desc&limit=5";
    await request(path);
    const hit = await request(path);
    expect(hit.cache).toBe("HIT");
    expect(hit.statements).toBe(0);

    const created = await request("/api/markets", withToken(alice.token, { method: "POST", body: JSON.stringify({ name: "Newest after caching" }) }));
    expect(created.res.status).toBe(201);
    const after = await request(path);
    expect(after.cache).toBe("MISS");
    expect(JSON.parse(after.body).data[0].id).toBe(JSON.parse(created.body).data.id);
  });

  it("folds the generation writes of concurrent creates and still lists every one of them", async () => {
    const alice = await actor();
    const puts: string[] = [];
    const kv = new Proxy(env.CACHE, {
      get(target, prop) {
        if (prop === "put") return (key: string, ...rest: [string]) => (puts.push(key), target.put(key, ...rest));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    // One overrides object: one isolate's config, so the creates share its folded writes.
    const overrides = { CACHE: kv, CACHE_TTL_SECONDS: "300" } as unknown as Partial<Env>;
    const path = "/api/markets?sort=created_at&order=desc&limit=20";
    await fetchWith(overrides, path);
    expect((await fetchWith(overrides, path)).headers.get("x-cache")).toBe("HIT");

    const started = Date.now();
    const creates = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        fetchNow(overrides, "/api/markets", withToken(alice.token, { method: "POST", body: JSON.stringify({ name: `Folded create number ${i + 1}` }) })),
      ),
    );
    const ids = await Promise.all(creates.map(async ({ res }) => (expect(res.status).toBe(201), JSON.parse(await res.text()).data.id as string)));
    const answeredWithinMs = Date.now() - started;
    await Promise.all(creates.map((c) => c.background));

    // Eight changes: one write at once and one folded write per second they were spread over (so
    // two when they all land within a second), never one each.
    const generationPuts = puts.filter((key) => key.startsWith("markets:generation:"));
    expect(generationPuts.length).toBeGreaterThanOrEqual(1);
    expect(generationPuts.length).toBeLessThanOrEqual(Math.min(7, 2 + Math.floor(answeredWithinMs / 1_000)));
    const after = await fetchWith(overrides, path);
    expect(after.headers.get("x-cache")).toBe("MISS");
    const listed = (JSON.parse(await after.text()).data as { id: string }[]).map((m) => m.id);
    for (const id of ids) expect(listed).toContain(id);
  });

  it("keeps authenticated reads private", async () => {
    const { token } = await actor();
    const { request } = cachedEnv();
    const res = await request("/api/markets?limit=1", withToken(token));
    expect(res.res.status).toBe(200);
    expect(res.res.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("when KV fails", () => {
  it("serves from D1, logs a warning and never turns it into a 5xx", async () => {
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    const broken = {
      get: () => Promise.reject(new Error("KV GET failed")),
      put: () => Promise.reject(new Error("KV PUT failed")),
      delete: () => Promise.reject(new Error("KV DELETE failed")),
    } as unknown as KVNamespace;
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { request } = cachedEnv(broken);
    const read = await request(`/api/markets/${m.id}`);
    expect(read.res.status).toBe(200);
    expect(JSON.parse(read.body).data.id).toBe(m.id);
    expect((await request("/api/markets?limit=2")).res.status).toBe(200);
    const write = await request(`/api/markets/${m.id}`, withToken(alice.token, { method: "PATCH", body: JSON.stringify({ name: "Written without KV" }) }));
    expect(write.res.status).toBe(200);
    const logged = warnings.map((l) => JSON.parse(l)).filter((l) => l.msg === "kv cache unavailable");
    expect(new Set(logged.map((l) => l.op))).toEqual(new Set(["get", "put", "delete"]));
  });
});
