import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { interceptD1, laggingReplicaD1, slowWritesD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

const key = () => `key-${crypto.randomUUID()}`;
const marketsNamed = async (name: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM markets WHERE name = ?").bind(name).first<{ n: number }>())!.n;
const volumeOf = async (id: string) =>
  (await env.DB.prepare("SELECT volume FROM markets WHERE id = ?").bind(id).first<{ volume: number }>())!.volume;
const positionsOn = async (id: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM positions WHERE market_id = ?").bind(id).first<{ n: number }>())!.n;

afterEach(() => vi.restoreAllMocks());

// Writes held back 100 ms so every duplicate has looked the key up (and missed) before any writes.
const racing = { DB: slowWritesD1(env.DB, 100) };
const racePost = async (path: string, token: string, idempotencyKey: string, body: unknown) => {
  const res = await fetchWith(racing, path, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { data: { id: string } } };
};

describe("Idempotency-Key on POST /api/markets", () => {
  it("a retry with the same key and body returns the first response and writes nothing more", async () => {
    const { token } = await actor();
    const name = `Idempotent ${crypto.randomUUID()}`;
    const headers = { "Idempotency-Key": key() };
    const body = { name, description: "retried", initialPosition: { side: "yes", amount: 40 } };
    const first = await call("POST", "/api/markets", { token, headers, body });
    const again = await call("POST", "/api/markets", { token, headers, body: { initialPosition: { amount: 40, side: "yes" }, description: "retried", name } });
    expect(first.res.status).toBe(201);
    expect(again.res.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.res.headers.get("Location")).toBe(first.res.headers.get("Location"));
    expect(again.res.headers.get("Idempotent-Replayed")).toBe("true");
    expect(first.res.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await marketsNamed(name)).toBe(1);
    expect(await positionsOn(first.json.data.id)).toBe(1);
  });

  it("a retry that carries a bookmark still finds its key when the replica it reads has not caught up", async () => {
    const { token } = await actor();
    const lagging = { DB: laggingReplicaD1(env.DB, "idempotency_keys") };
    const name = `Idempotent ${crypto.randomUUID()}`;
    const post = (headers: Record<string, string>) =>
      fetchWith(lagging, "/api/markets", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": idempotencyKey, ...headers },
        body: JSON.stringify({ name }),
      });
    const idempotencyKey = key();
    const first = await post({});
    expect(first.status).toBe(201);
    const bookmark = first.headers.get("X-D1-Bookmark");
    expect(bookmark).toBeTruthy();
    // The bookmarked session may read a replica that does not have the key yet; the lookup must not.
    const again = await post({ "X-D1-Bookmark": bookmark! });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await marketsNamed(name)).toBe(1);
  });

  it("a duplicate-key failure whose winner cannot be found (expired in between) is a 409 to retry, with nothing written", async () => {
    const { token } = await actor();
    const before = await tableCounts();
    // Every batch fails as if another request had stored the key first; no stored response exists.
    const keyTaken = interceptD1(env.DB, () => ({
      batch: () => Promise.reject(new Error("D1_ERROR: UNIQUE constraint failed: idempotency_keys.user_id, idempotency_keys.key: SQLITE_CONSTRAINT")),
    }));
    const res = await fetchWith({ DB: keyTaken }, "/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": key() },
      body: JSON.stringify({ name: `Never written ${crypto.randomUUID()}` }),
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "conflict" } });
    expect(await tableCounts()).toEqual(before);
  });

  it("the same key with a different body is a 422 and writes nothing", async () => {
    const { token } = await actor();
    const headers = { "Idempotency-Key": key() };
    await call("POST", "/api/markets", { token, headers, body: { name: "First use of a key" } });
    const before = await tableCounts();
    const reused = await call("POST", "/api/markets", { token, headers, body: { name: "Second use of a key" } });
    expect(reused.res.status).toBe(422);
    expect(reused.json.error?.code).toBe("idempotency_key_reused");
    expect(await tableCounts()).toEqual(before);
  });

  it("concurrent duplicates create exactly one market, and every caller gets its response", async () => {
    const { token } = await actor();
    const name = `Concurrent ${crypto.randomUUID()}`;
    const k = key();
    const results = await Promise.all(Array.from({ length: 8 }, () => racePost("/api/markets", token, k, { name })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json.data.id)).size).toBe(1);
    expect(await marketsNamed(name)).toBe(1);
  });

  it("keys belong to one user: another user's identical key is a separate write", async () => {
    const alice = await actor();
    const bob = await actor();
    const headers = { "Idempotency-Key": "shared-looking-key" };
    const name = `Per user ${crypto.randomUUID()}`;
    const a = await call("POST", "/api/markets", { token: alice.token, headers, body: { name } });
    const b = await call("POST", "/api/markets", { token: bob.token, headers, body: { name } });
    expect([a.res.status, b.res.status]).toEqual([201, 201]);
    expect(a.json.data.id).not.toBe(b.json.data.id);
    expect(b.json.data.creator.id).toBe(bob.sub);
  });

  it("a key older than 24 hours is forgotten: the same key then starts a new write", async () => {
    const { token, sub } = await actor();
    const k = key();
    await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": k }, body: { name: "Long ago" } });
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = created_at - 25 * 3600 * 1000 WHERE user_id = ? AND key = ?").bind(sub, k).run();
    const later = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": k }, body: { name: "Much later" } });
    expect(later.res.status).toBe(201);
    expect(later.res.headers.get("Idempotent-Replayed")).toBeNull();
    expect(later.json.data.name).toBe("Much later");
  });

  it("rejects malformed keys with 400 and writes nothing", async () => {
    const { token } = await actor();
    const before = await tableCounts();
    for (const bad of ["has space", "k".repeat(256), "tab\tkey", "ключ"]) {
      const { res, json } = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": bad }, body: { name: "Bad key" } });
      expect(res.status, bad).toBe(400);
      expect(json.error?.details?.[0]).toMatchObject({ location: "header", path: "idempotency-key" });
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("stores the response in the write's own transaction: if storing fails, the market is not written", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { token } = await actor();
    const name = `Atomic ${crypto.randomUUID()}`;
    await env.DB.exec(
      "CREATE TRIGGER fail_idempotency BEFORE INSERT ON idempotency_keys WHEN NEW.key = 'doomed-key' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    );
    try {
      const res = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": "doomed-key" }, body: { name } });
      expect(res.res.status).toBe(500);
    } finally {
      await env.DB.exec("DROP TRIGGER fail_idempotency");
    }
    expect(await marketsNamed(name)).toBe(0);
  });
});

describe("Idempotency-Key on POST /api/markets/:id/positions", () => {
  it("a retry returns the first response, volume as it was then, and the amount is added once", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    const headers = { "Idempotency-Key": key() };
    const first = await call("POST", `/api/markets/${market.id}/positions`, { token, headers, body: { side: "yes", amount: 100 } });
    expect(first.res.status).toBe(201);
    expect(first.json.data.market.volume).toBe(100);
    // Someone else moves the volume; the replay still says what the first response said.
    await call("POST", `/api/markets/${market.id}/positions`, { token, body: { side: "no", amount: 7 } });
    const again = await call("POST", `/api/markets/${market.id}/positions`, { token, headers, body: { side: "yes", amount: 100 } });
    expect(again.res.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(await volumeOf(market.id)).toBe(107);
    expect(await positionsOn(market.id)).toBe(2);
  });

  it("concurrent duplicates add the amount once", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => racePost(`/api/markets/${market.id}/positions`, token, k, { side: "no", amount: 25 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    for (const r of results) expect(r.json).toEqual(results[0]!.json);
    expect(await volumeOf(market.id)).toBe(25);
    expect(await positionsOn(market.id)).toBe(1);
  });

  it("a refused write (market closed) stores nothing, so the key still works once the market can take it", async () => {
    const { token, sub } = await actor();
    const market = await createMarket(token);
    await call("PATCH", `/api/markets/${market.id}`, { token, body: { status: "closed" } });
    const k = key();
    const refused = await call("POST", `/api/markets/${market.id}/positions`, { token, headers: { "Idempotency-Key": k }, body: { side: "yes", amount: 5 } });
    expect(refused.res.status).toBe(409);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE user_id = ? AND key = ?").bind(sub, k).first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it("is documented on both creates, with the 422", async () => {
    const { json } = await call("GET", "/openapi.json");
    for (const op of [(json as any).paths["/api/markets"].post, (json as any).paths["/api/markets/{id}/positions"].post]) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false }));
      expect(op.responses["422"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
    }
  });
});
