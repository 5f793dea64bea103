import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INDEX_DLQ_NAME, INDEX_MAX_RETRIES, INDEX_QUEUE_NAME, type IndexJob } from "../../src/indexing/index-job";
import { actor, insertMarkets } from "../helpers/fixtures";
import { deliver, eventually, refusingQueue } from "../helpers/queue";
import { failingEmbedder, search } from "../helpers/search";
import { fetchWith } from "../helpers/entry";

// The only test file that writes index_failures, so its listings and replays see exactly its own
// rows. Each test leaves the table empty.

afterEach(() => vi.restoreAllMocks());

const upsert = (marketId: string, version = 1): IndexJob => ({ op: "upsert", marketId, version });

/** Calls the worker's fetch entry as an admin (optionally with other bindings). */
async function asAdmin(method: string, path: string, o: { body?: unknown; env?: Partial<Env> } = {}) {
  const { token } = await actor("admin");
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (o.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetchWith(o.env ?? {}, path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  return { res, json: (await res.json()) as any };
}

const failureRows = (marketId: string) =>
  env.DB.prepare("SELECT op, version, source, attempts, error FROM index_failures WHERE market_id = ? ORDER BY version")
    .bind(marketId)
    .all()
    .then((r) => r.results);

const loggedErrors = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map(([line]) => JSON.parse(String(line)));

async function semanticallyFound(q: string, id: string) {
  const { json } = await search({ q, mode: "semantic" });
  return json.meta.served === "semantic" && json.data.some((h: { id: string }) => h.id === id) ? true : undefined;
}

describe("dead letters", () => {
  it("a job that exhausted its retries is recorded, listed for admins and replayed into the index", { timeout: 30_000 }, async () => {
    const [id] = await insertMarkets(1);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // The last delivery fails like the ones before it; the platform then moves it to the DLQ.
    const options = { wrapEmbedder: failingEmbedder(new Error("3040: Capacity temporarily exceeded")) };
    const last = await deliver(INDEX_QUEUE_NAME, [upsert(id!)], { attempts: INDEX_MAX_RETRIES + 1, options });
    expect(last.retried).toEqual(last.ids);

    const dead = await deliver(INDEX_DLQ_NAME, [upsert(id!)]);
    expect(dead.result.ackAll).toBe(true);
    expect(await failureRows(id!)).toEqual([
      { op: "upsert", version: 1, source: "dead_letter", attempts: INDEX_MAX_RETRIES + 1, error: "Retries exhausted on index-jobs" },
    ]);
    expect(loggedErrors(errors).find((l) => l.msg.startsWith("index jobs dead-lettered"))).toMatchObject({ count: 1, jobs: [upsert(id!)] });
    errors.mockRestore();

    const list = await asAdmin("GET", "/api/admin/index-failures");
    expect(list.res.status).toBe(200);
    expect(list.res.headers.get("cache-control")).toBe("private, no-store");
    expect(list.json.data).toEqual([
      {
        id: expect.any(String),
        marketId: id,
        op: "upsert",
        version: 1,
        source: "dead_letter",
        error: "Retries exhausted on index-jobs",
        attempts: INDEX_MAX_RETRIES + 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(list.json.meta).toEqual({ limit: 20, hasMore: false, nextCursor: null });

    // Replay puts the job on the real local queue; its consumer indexes the market.
    const replay = await asAdmin("POST", "/api/admin/index-failures/replay");
    expect(replay.res.status).toBe(200);
    expect(replay.json.data).toEqual({ replayed: 1, remaining: false });
    expect(await failureRows(id!)).toEqual([]);
    await eventually(() => semanticallyFound(id!, id!), 15_000, "the replayed job to be indexed");
  });

  it("dead letters that are not index jobs are logged and dropped", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const dead = await deliver(INDEX_DLQ_NAME, [{ nope: true }]);
    expect(dead.result.ackAll).toBe(true);
    expect((await asAdmin("GET", "/api/admin/index-failures")).json.data).toEqual([]);
    expect(loggedErrors(errors).map((l) => l.msg)).toContain("invalid dead-lettered message dropped");
  });
});

describe("jobs the queue refuses", () => {
  it("the write still succeeds, the jobs are recorded and logged, and a replay indexes the market", { timeout: 30_000 }, async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const refusing = refusingQueue();
    const { token } = await actor();
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const word = `ferry${crypto.randomUUID().slice(0, 6).replace(/\d/g, "x")}`;

    const created = await fetchWith({ INDEX_QUEUE: refusing.queue }, "/api/markets", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: `Will the old ${word} sail` }),
    });
    expect(created.status).toBe(201);
    const { data: market } = (await created.json()) as any;
    // Transient (503): sent three times (OUTBOUND_RETRY), then given up on.
    expect(refusing.calls()).toBe(3);
    const patched = await fetchWith({ INDEX_QUEUE: refusing.queue }, `/api/markets/${market.id}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ name: `Will the new ${word} sail` }),
    });
    expect(patched.status).toBe(200);

    const rows = await failureRows(market.id);
    expect(rows).toEqual([
      { op: "upsert", version: 1, source: "send", attempts: 0, error: "Error: Queue send failed: 503 Service Unavailable" },
      { op: "upsert", version: 2, source: "send", attempts: 0, error: "Error: Queue send failed: 503 Service Unavailable" },
    ]);
    const logged = loggedErrors(errors).filter((l) => l.msg === "index jobs not sent; recorded in index_failures for replay");
    expect(logged.map((l) => l.marketIds)).toEqual([[market.id], [market.id]]);
    errors.mockRestore();

    // Both jobs go out again; the consumer skips version 1 (stale) and indexes version 2.
    const replay = await asAdmin("POST", "/api/admin/index-failures/replay", { body: {} });
    expect(replay.json.data).toEqual({ replayed: 2, remaining: false });
    await eventually(() => semanticallyFound(`new ${word}`, market.id), 15_000, "the replayed job to be indexed");
    const vector = await env.DB.prepare("SELECT version FROM market_vectors WHERE market_id = ?").bind(market.id).first();
    expect(vector).toEqual({ version: 2 });
  });

  it("a replay the queue refuses is a 503 and keeps the failures", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [id] = await insertMarkets(1);
    await deliver(INDEX_DLQ_NAME, [upsert(id!)]);
    const refused = await asAdmin("POST", "/api/admin/index-failures/replay", { env: { INDEX_QUEUE: refusingQueue().queue } });
    expect(refused.res.status).toBe(503);
    expect(refused.res.headers.get("retry-after")).toBe("30");
    expect(refused.json.error).toMatchObject({ code: "service_unavailable", details: { done: 0 } });
    expect(await failureRows(id!)).toHaveLength(1);
    expect((await asAdmin("POST", "/api/admin/index-failures/replay")).json.data).toEqual({ replayed: 1, remaining: false });
  });
});

describe("GET /api/admin/index-failures and replay in parts", () => {
  it("pages newest first with keyset cursors, and replays the oldest first, limit at a time", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const ids = await insertMarkets(5);
    for (const id of ids) await deliver(INDEX_DLQ_NAME, [upsert(id)]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { json: any } = await asAdmin("GET", `/api/admin/index-failures?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...page.json.data.map((f: { marketId: string }) => f.marketId));
      cursor = page.json.meta.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const tampered = await asAdmin("GET", `/api/admin/index-failures?cursor=${"x".repeat(20)}.${"y".repeat(20)}`);
    expect(tampered.res.status).toBe(400);
    expect(tampered.json.error.details[0]).toMatchObject({ location: "query", path: "cursor" });

    const first = await asAdmin("POST", "/api/admin/index-failures/replay", { body: { limit: 2 } });
    expect(first.json.data).toEqual({ replayed: 2, remaining: true });
    const left = (await asAdmin("GET", "/api/admin/index-failures")).json.data.map((f: { marketId: string }) => f.marketId);
    expect(left).toEqual(ids.slice(2).reverse());
    expect((await asAdmin("POST", "/api/admin/index-failures/replay", { body: { limit: 1000 } })).json.data).toEqual({
      replayed: 3,
      remaining: false,
    });
  });

  it.each([
    ["a limit of 0", { limit: 0 }],
    ["a limit over 1000", { limit: 1001 }],
    ["a limit that is not a number", { limit: "all" }],
    ["an unknown field", { ids: ["x"] }],
  ])("replay refuses %s (400)", async (_, body) => {
    const { res, json } = await asAdmin("POST", "/api/admin/index-failures/replay", { body });
    expect(res.status).toBe(400);
    expect(json.error.code).toBe("validation_failed");
  });

  it("replay refuses a body that is not JSON (415) and a bad listing limit (400)", async () => {
    const { token } = await actor("admin");
    const res = await fetchWith({}, "/api/admin/index-failures/replay", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain" },
      body: "limit=5",
    });
    expect(res.status).toBe(415);
    expect((await asAdmin("GET", "/api/admin/index-failures?limit=101")).res.status).toBe(400);
  });
});
