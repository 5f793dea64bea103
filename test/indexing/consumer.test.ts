import { env } from "cloudflare:workers";
import { createMessageBatch } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { QUEUE_RETRY_SECONDS, retryDelaySeconds } from "../../src/indexing/consumer";
import { INDEX_DLQ_NAME, INDEX_MAX_RETRIES, INDEX_QUEUE_NAME, type IndexJob } from "../../src/indexing/index-job";
import { deliver } from "../helpers/queue";
import { countingEmbedder, countingVectorIndex, failingEmbedder } from "../helpers/search";
import { D1VectorIndex } from "../../src/search/d1-vector-index";
import { insertMarkets } from "../helpers/fixtures";
import { brokenD1, countingD1 } from "../helpers/d1-doubles";

afterEach(() => vi.restoreAllMocks());

// Markets are written straight to D1 here (insertMarkets: no API, so no background jobs): each
// test decides exactly which jobs the consumer sees.

const vectorVersions = async (ids: string[]) =>
  (
    await env.DB.prepare("SELECT market_id, version FROM market_vectors WHERE market_id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(ids))
      .all<{ market_id: string; version: number }>()
  ).results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.market_id]: r.version }), {});

const upsert = (marketId: string, version = 1): IndexJob => ({ op: "upsert", marketId, version });
const remove = (marketId: string, version: number): IndexJob => ({ op: "delete", marketId, version });

function instrumented() {
  const embedder = countingEmbedder();
  const vectors = countingVectorIndex();
  const { db, counter } = countingD1(env.DB);
  return {
    embedder,
    vectors,
    counter,
    deliver: (bodies: unknown[], o: { attempts?: number } = {}) =>
      deliver(INDEX_QUEUE_NAME, bodies, {
        ...o,
        env: { ...env, DB: db },
        options: { wrapEmbedder: embedder.wrap, wrapVectorIndex: vectors.wrap },
      }),
  };
}

describe("index consumer: a batch costs a fixed number of calls", () => {
  it("50 jobs make one D1 read, one embedding call and one vector upsert", async () => {
    const ids = await insertMarkets(50);
    const { deliver, embedder, vectors, counter } = instrumented();
    const { acked, retried, report } = await deliver(ids.map((id) => upsert(id)));

    expect(embedder.calls).toHaveLength(1);
    expect(embedder.calls[0]).toHaveLength(50);
    expect(embedder.calls[0]![0]).toBe(`Will market ${ids[0]} resolve\nabout ${ids[0]}`);
    expect(vectors.upserts).toHaveLength(1);
    expect(vectors.upserts[0]!.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(vectors.upserts[0]![0]!.values).toHaveLength(768);
    expect(vectors.upserts[0]![0]!.metadata).toEqual({ status: "active", version: 1 });
    expect(vectors.deletes).toHaveLength(0);
    // The markets read and the vectors written: one statement each.
    expect(counter.statements).toBe(2);
    expect(acked.size).toBe(50);
    expect(retried).toEqual([]);
    expect(report).toMatchObject({ received: 50, upserted: 50, skipped: 0, retried: 0 });
    expect(Object.values(await vectorVersions(ids))).toEqual(Array(50).fill(1));
  });

  it("upserts and deletes in one batch: one upsert call and one delete call", async () => {
    const live = await insertMarkets(10);
    const gone = await insertMarkets(10);
    await deliver(INDEX_QUEUE_NAME, gone.map((id) => upsert(id)));
    expect(Object.keys(await vectorVersions(gone))).toHaveLength(10);
    await env.DB.prepare("DELETE FROM markets WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(gone)).run();

    const { deliver: run, embedder, vectors, counter } = instrumented();
    const { acked, report } = await run([...live.map((id) => upsert(id)), ...gone.map((id) => remove(id, 2))]);
    expect(embedder.calls).toHaveLength(1);
    expect(vectors.upserts).toHaveLength(1);
    expect(vectors.deletes).toEqual([gone]);
    expect(counter.statements).toBe(3);
    expect(acked.size).toBe(20);
    expect(report).toMatchObject({ upserted: 10, deleted: 10 });
    expect(await vectorVersions(gone)).toEqual({});
  });

  it("100 jobs (max_batch_size) still fit one statement per step", async () => {
    const ids = await insertMarkets(100);
    const { deliver, embedder, vectors, counter } = instrumented();
    const { acked } = await deliver(ids.map((id) => upsert(id)));
    expect([embedder.calls.length, vectors.upserts.length, counter.statements, acked.size]).toEqual([1, 1, 2, 100]);
  });
});

describe("index consumer: stale, duplicate and foreign jobs", () => {
  it("redelivery of an old version does nothing", async () => {
    const [id] = await insertMarkets(1, { version: 3 });
    await deliver(INDEX_QUEUE_NAME, [upsert(id!, 3)]);
    expect(await vectorVersions([id!])).toEqual({ [id!]: 3 });

    const { deliver: run, embedder, vectors, counter } = instrumented();
    const { acked, retried, report } = await run([upsert(id!, 1), upsert(id!, 2)]);
    expect(embedder.calls).toEqual([]);
    expect(vectors.upserts).toEqual([]);
    expect(counter.statements).toBe(1); // only the read that proved them stale
    expect(acked.size).toBe(2);
    expect(retried).toEqual([]);
    expect(report).toMatchObject({ skipped: 2, upserted: 0 });
    expect(await vectorVersions([id!])).toEqual({ [id!]: 3 });
  });

  it("an older vector write never replaces a newer one, whatever order jobs finish in", async () => {
    const [id] = await insertMarkets(1, { version: 2 });
    await deliver(INDEX_QUEUE_NAME, [upsert(id!, 2)]);
    // A consumer that read version 1 before the update and writes late:
    await new D1VectorIndex(env.DB).upsert([{ id: id!, values: Array(768).fill(0.1), metadata: { status: "active", version: 1 } }]);
    expect(await vectorVersions([id!])).toEqual({ [id!]: 2 });
  });

  it("several jobs for one market in a batch: the newest counts, the rest are acknowledged", async () => {
    const [id] = await insertMarkets(1, { version: 2 });
    const { deliver: run, embedder } = instrumented();
    const { acked, report } = await run([upsert(id!, 1), upsert(id!, 2), upsert(id!, 1)]);
    expect(embedder.calls).toEqual([[expect.stringContaining(id!)]]);
    expect(acked.size).toBe(3);
    expect(report).toMatchObject({ upserted: 1, skipped: 2 });
  });

  it("an upsert for a deleted market is acknowledged without work; the delete job removes the vector", async () => {
    const [id] = await insertMarkets(1);
    await deliver(INDEX_QUEUE_NAME, [upsert(id!)]);
    await env.DB.prepare("DELETE FROM markets WHERE id = ?").bind(id).run();

    const first = instrumented();
    const late = await first.deliver([upsert(id!)]);
    expect([first.embedder.calls.length, first.vectors.upserts.length, first.vectors.deletes.length]).toEqual([0, 0, 0]);
    expect(late.acked.size).toBe(1);
    expect(await vectorVersions([id!])).toEqual({ [id!]: 1 });

    const second = instrumented();
    const del = await second.deliver([remove(id!, 2)]);
    expect(second.vectors.deletes).toEqual([[id]]);
    expect(del.acked.size).toBe(1);
    expect(await vectorVersions([id!])).toEqual({});
  });

  it("a job newer than the market read (a replica behind the write) is retried, not indexed with old text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [id] = await insertMarkets(1, { version: 1 });
    const { deliver: run, embedder } = instrumented();
    const { retried, ids, delays } = await run([upsert(id!, 2)]);
    expect(embedder.calls).toEqual([]);
    expect(retried).toEqual(ids);
    expect(delays.get(ids[0]!)).toBeGreaterThanOrEqual(8);
  });

  it("bodies that are not index jobs are logged and acknowledged, never retried", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { deliver: run, embedder, counter } = instrumented();
    const bodies = ["text", { op: "reindex", marketId: "x", version: 1 }, { op: "upsert", marketId: "", version: 1 }, { op: "upsert", marketId: "x", version: 0 }, null];
    const { acked, retried, report } = await run(bodies);
    expect(acked.size).toBe(bodies.length);
    expect(retried).toEqual([]);
    expect(report).toMatchObject({ invalid: bodies.length });
    expect(embedder.calls).toEqual([]);
    expect(counter.statements).toBe(0);
    const logged = errors.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged.filter((l) => l.msg === "invalid index job dropped")).toHaveLength(bodies.length);
  });
});

describe("index consumer: failures, backoff and the dead-letter queue", () => {
  it("retry delays follow capped exponential backoff with bounded jitter", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const full = Math.min(QUEUE_RETRY_SECONDS.cap, QUEUE_RETRY_SECONDS.base * 2 ** (attempt - 1));
      expect(retryDelaySeconds(attempt, () => 0)).toBe(Math.ceil(full));
      expect(retryDelaySeconds(attempt, () => 0.9999)).toBe(Math.ceil(full * (1 - QUEUE_RETRY_SECONDS.jitter * 0.9999)));
    }
    expect(retryDelaySeconds(50, () => 0)).toBe(300);
  });

  it("a failing embedder leads to retries with growing, jittered, capped delays", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [id] = await insertMarkets(1);
    const vectors = countingVectorIndex();
    const options = { wrapEmbedder: failingEmbedder(new Error("3040: Capacity temporarily exceeded")), wrapVectorIndex: vectors.wrap };

    // The platform redelivers with attempts 1, 2, ... until max_retries; each time the job fails again.
    const delays: number[] = [];
    for (let attempts = 1; attempts <= INDEX_MAX_RETRIES + 1; attempts++) {
      const { retried, ids, delays: d } = await deliver(INDEX_QUEUE_NAME, [upsert(id!)], { attempts, options });
      expect(retried).toEqual(ids);
      delays.push(d.get(ids[0]!)!);
    }
    expect(vectors.upserts).toEqual([]);
    delays.forEach((d, i) => {
      const full = Math.min(QUEUE_RETRY_SECONDS.cap, QUEUE_RETRY_SECONDS.base * 2 ** i);
      expect(d).toBeGreaterThanOrEqual(Math.floor(full * (1 - QUEUE_RETRY_SECONDS.jitter)));
      expect(d).toBeLessThanOrEqual(full);
      if (i > 0) expect(d).toBeGreaterThan(delays[i - 1]!);
    });
    expect(Math.max(...delays)).toBeLessThanOrEqual(QUEUE_RETRY_SECONDS.cap);
    // What happens after the last retry (dead-letter queue -> index_failures -> replay) is in
    // failures.test.ts, the one file that writes index_failures.
  });

  it("a failing vector upsert retries the upserts and still completes the deletes", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [live] = await insertMarkets(1);
    const vectors = countingVectorIndex({ failUpserts: new Error("VECTOR_UPSERT_ERROR (code = 40012): 503 Service Unavailable") });
    const { acked, retried, ids, delays } = await deliver(INDEX_QUEUE_NAME, [upsert(live!), remove(`${live}-gone`, 2)], {
      attempts: 2,
      options: { wrapVectorIndex: vectors.wrap },
    });
    expect(retried).toEqual([ids[0]]);
    expect([...acked]).toEqual([ids[1]]);
    expect(delays.get(ids[0]!)).toBeGreaterThanOrEqual(15);
    expect(delays.get(ids[0]!)).toBeLessThanOrEqual(20);
  });

  it("dead letters that D1 cannot record are retried, not dropped", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { retried, ids, result } = await deliver(INDEX_DLQ_NAME, [upsert("x-1"), upsert("x-2")], { env: { ...env, DB: brokenD1() } });
    expect(result.ackAll).toBe(false);
    expect(retried.sort()).toEqual([...ids].sort());
  });

  it("a batch from a queue without a consumer is refused", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const batch = createMessageBatch("some-other-queue", [{ id: "1", timestamp: new Date(), attempts: 1, body: upsert("x") }]);
    await expect(worker.queue(batch as MessageBatch<unknown>, env)).rejects.toThrow(/No consumer/);
  });
});

describe("the per-batch log line", () => {
  it("carries the index lag: how long the oldest job waited since it was sent", async () => {
    const [id] = await insertMarkets(1);
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const sent = Date.now() - 30_000;
    const batch = createMessageBatch(INDEX_QUEUE_NAME, [
      { id: "lag-1", timestamp: new Date(sent), attempts: 1, body: upsert(id!) },
      { id: "lag-2", timestamp: new Date(), attempts: 1, body: upsert(`${id}-absent`) },
    ]);
    await worker.queue(batch as MessageBatch<unknown>, env);
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "index batch");
    expect(line).toMatchObject({ queue: INDEX_QUEUE_NAME, received: 2, upserted: 1, skipped: 1 });
    expect(line.lagMs).toBeGreaterThanOrEqual(30_000);
    expect(line.lagMs).toBeLessThan(60_000);
  });
});
