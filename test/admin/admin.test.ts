import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { SEND_BATCH_LIMIT } from "../../src/indexing/index-job";
import { call } from "../helpers/api";
import { actor, insertMarkets } from "../helpers/fixtures";
import { recordingQueue, refusingQueue } from "../helpers/queue";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

const marketCount = async () => (await env.DB.prepare("SELECT count(*) AS n FROM markets").first<{ n: number }>())!.n;

describe("admin endpoints: who may call them", () => {
  it.each([
    ["POST", "/api/admin/reindex"],
    ["GET", "/api/admin/index-failures"],
    ["POST", "/api/admin/index-failures/replay"],
  ])("%s %s is 401 anonymously and 403 for users and moderators", async (method, path) => {
    const anonymous = await call(method, path);
    expect(anonymous.res.status).toBe(401);
    expect(anonymous.json.error?.code).toBe("unauthorized");
    for (const role of ["user", "moderator"] as const) {
      const { res, json } = await call(method, path, { token: (await actor(role)).token });
      expect(res.status, role).toBe(403);
      expect(json.error?.code).toBe("forbidden");
    }
  });
});

describe("POST /api/admin/reindex", () => {
  it("rebuilds the keyword index and enqueues every market at its current version, 100 per sendBatch", { timeout: 60_000 }, async () => {
    await insertMarkets(150); // at least two sendBatch calls
    const before = await marketCount();
    const recording = recordingQueue();
    const { db, counter } = countingD1(env.DB);
    const { token } = await actor("admin");
    const res = await fetchWith({ INDEX_QUEUE: recording.queue, DB: db }, "/api/admin/reindex", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(202);
    const { data } = (await res.json()) as { data: { count: number } };
    const after = await marketCount();
    // Other test files write markets meanwhile: the count lies between the two snapshots.
    expect(data.count).toBeGreaterThanOrEqual(Math.min(before, after));
    expect(data.count).toBeLessThanOrEqual(Math.max(before, after) + 50);

    const jobs = recording.jobs();
    expect(jobs).toHaveLength(data.count);
    expect(new Set(jobs.map((j) => j.marketId)).size).toBe(data.count);
    expect(jobs.every((j) => j.op === "upsert")).toBe(true);
    expect(recording.batches.every((b) => b.length <= SEND_BATCH_LIMIT)).toBe(true);
    expect(recording.batches).toHaveLength(Math.ceil(data.count / SEND_BATCH_LIMIT));

    const sample = jobs.slice(0, 50);
    const versions = await env.DB.prepare("SELECT id, search_version AS v FROM markets WHERE id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(sample.map((j) => j.marketId)))
      .all<{ id: string; v: number }>();
    const current = new Map(versions.results.map((r) => [r.id, r.v]));
    for (const job of sample) if (current.has(job.marketId)) expect(job.version).toBe(current.get(job.marketId));

    expect(counter.queries.some((q) => /INSERT INTO markets_fts \(markets_fts\) VALUES \('rebuild'\)/.test(q.sql))).toBe(true);
    // Markets are read in keyset pages by id, never with OFFSET.
    expect(counter.queries.filter((q) => /from "markets"/i.test(q.sql)).every((q) => !/offset/i.test(q.sql))).toBe(true);
  });

  it("is a 503 when the queue refuses the jobs", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await insertMarkets(1);
    const { token } = await actor("admin");
    const res = await fetchWith({ INDEX_QUEUE: refusingQueue().queue }, "/api/admin/reindex", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    const json = (await res.json()) as any;
    expect(json.error).toMatchObject({ code: "service_unavailable", details: { done: 0 } });
    vi.restoreAllMocks();
  });
});
