import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { INDEX_QUEUE_NAME } from "../../src/indexing/index-job";
import type { RetryOptions } from "../../src/lib/retry";
import { VectorizeVectorIndex } from "../../src/search/vectorize-vector-index";
import { BGE_MODEL, WorkersAiEmbedder } from "../../src/search/workers-ai-embedder";
import { recordingAi, recordingVectorize } from "../helpers/cloudflare-bindings";
import { insertMarkets } from "../helpers/fixtures";
import { deliver, upsertJobs } from "../helpers/queue";
import { fetchWith } from "../helpers/entry";

const noWait: RetryOptions = { attempts: 3, base: 1, cap: 1, jitter: 0, sleep: async () => {} };

describe("WorkersAiEmbedder (binding AI)", () => {
  it("embeds a batch in one AI.run call with the documented model and input", async () => {
    const { ai, calls } = recordingAi();
    const vectors = await new WorkersAiEmbedder(ai, noWait).embed(["Will it rain?", "Will it snow?"]);
    expect(calls).toEqual([{ model: "@cf/baai/bge-base-en-v1.5", inputs: { text: ["Will it rain?", "Will it snow?"] } }]);
    expect(BGE_MODEL).toBe("@cf/baai/bge-base-en-v1.5");
    expect(vectors).toHaveLength(2);
    expect(vectors.every((v) => v.length === 768)).toBe(true);
  });

  it("splits more than 100 texts into calls of at most 100 and cuts texts the model cannot read", async () => {
    const { ai, calls } = recordingAi();
    const texts = Array.from({ length: 130 }, (_, i) => (i === 0 ? "x".repeat(5000) : `text ${i}`));
    const vectors = await new WorkersAiEmbedder(ai, noWait).embed(texts);
    expect(calls.map((c) => c.inputs.text.length)).toEqual([100, 30]);
    expect(calls[0]!.inputs.text[0]).toHaveLength(2000);
    expect(vectors).toHaveLength(130);
  });

  it.each([
    ["a different number of vectors", (t: string[]) => ({ shape: [t.length - 1, 768], data: t.slice(1).map(() => Array(768).fill(0)) })],
    ["other dimensions", (t: string[]) => ({ shape: [t.length, 384], data: t.map(() => Array(384).fill(0)) })],
    ["an asynchronous batch receipt", () => ({ request_id: "abc" })],
  ])("refuses an answer with %s", async (_, answer) => {
    const { ai } = recordingAi({ answer });
    await expect(new WorkersAiEmbedder(ai, noWait).embed(["a", "b"])).rejects.toThrow(/unexpected shape/);
  });

  it("retries transient failures (capacity, 5xx) and gives up at once on bad input", async () => {
    const transient = recordingAi({ failures: [new Error("3040: Capacity temporarily exceeded"), new Error("InferenceUpstreamError: 503")] });
    await new WorkersAiEmbedder(transient.ai, noWait).embed(["a"]);
    expect(transient.calls).toHaveLength(3);

    const permanent = recordingAi({ failures: [new Error("5006: Error: oneOf at '/' not all constraints satisfied")] });
    await expect(new WorkersAiEmbedder(permanent.ai, noWait).embed(["a"])).rejects.toThrow(/5006/);
    expect(permanent.calls).toHaveLength(1);

    const down = recordingAi({ failures: Array(5).fill(new Error("3040: Capacity temporarily exceeded")) });
    await expect(new WorkersAiEmbedder(down.ai, noWait).embed(["a"])).rejects.toThrow(/3040/);
    expect(down.calls).toHaveLength(3); // capped: the queue's own retry takes it from here
  });
});

describe("VectorizeVectorIndex (binding VECTORIZE)", () => {
  it("upserts ids, values and metadata in one call, and skips empty writes", async () => {
    const { index, calls } = recordingVectorize();
    const vectors = new VectorizeVectorIndex(index, noWait);
    await vectors.upsert([
      { id: "m1", values: [0.1, 0.2], metadata: { status: "active", version: 3 } },
      { id: "m2", values: [0.3, 0.4], metadata: { status: "closed", version: 1 } },
    ]);
    await vectors.upsert([]);
    expect(calls.upsert).toEqual([
      [
        { id: "m1", values: [0.1, 0.2], metadata: { status: "active", version: 3 } },
        { id: "m2", values: [0.3, 0.4], metadata: { status: "closed", version: 1 } },
      ],
    ]);
  });

  it("deletes by ids in one call", async () => {
    const { index, calls } = recordingVectorize();
    const vectors = new VectorizeVectorIndex(index, noWait);
    await vectors.deleteByIds(["m1", "m2"]);
    await vectors.deleteByIds([]);
    expect(calls.deleteByIds).toEqual([["m1", "m2"]]);
  });

  it("queries with topK, no values or metadata back, and a status filter only when asked", async () => {
    const { index, calls } = recordingVectorize({ matches: [{ id: "b", score: 0.5 }, { id: "a", score: 0.9 }] });
    const vectors = new VectorizeVectorIndex(index, noWait);
    expect(await vectors.query([0.1, 0.2], { topK: 20, status: "active" })).toEqual([
      { id: "a", score: 0.9 },
      { id: "b", score: 0.5 },
    ]);
    await vectors.query([0.3], { topK: 5 });
    expect(calls.query).toEqual([
      { vector: [0.1, 0.2], options: { topK: 20, returnValues: false, returnMetadata: "none", filter: { status: "active" } } },
      { vector: [0.3], options: { topK: 5, returnValues: false, returnMetadata: "none" } },
    ]);
  });
});

describe("the composition root uses Workers AI and Vectorize when their bindings exist", () => {
  it("the queue consumer: one AI.run and one VECTORIZE.upsert per batch, nothing written to D1 vectors", async () => {
    const ids = await insertMarkets(3, { status: "closed" });
    const ai = recordingAi();
    const vectorize = recordingVectorize();
    const { acked } = await deliver(INDEX_QUEUE_NAME, upsertJobs(...ids), { env: { ...env, AI: ai.ai, VECTORIZE: vectorize.index } });
    expect(acked.size).toBe(3);
    expect(ai.calls).toHaveLength(1);
    expect(ai.calls[0]!.inputs.text).toEqual(ids.map((id) => `Will market ${id} resolve\nabout ${id}`));
    expect(vectorize.calls.upsert).toHaveLength(1);
    expect(vectorize.calls.upsert[0]!.map((v) => [v.id, v.metadata, v.values.length])).toEqual(
      ids.map((id) => [id, { status: "closed", version: 1 }, 768]),
    );
    const local = await env.DB.prepare("SELECT count(*) AS n FROM market_vectors WHERE market_id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(ids))
      .first<{ n: number }>();
    expect(local!.n).toBe(0);
  });

  it("search: embeds the query with AI.run, asks VECTORIZE for the nearest, reads the markets from D1 by descending score", async () => {
    const [low, high] = await insertMarkets(2);
    const ai = recordingAi();
    const vectorize = recordingVectorize({
      matches: [
        { id: low!, score: 0.61 },
        { id: "deleted-meanwhile", score: 0.95 },
        { id: high!, score: 0.83 },
      ],
    });
    const res = await fetchWith({ AI: ai.ai, VECTORIZE: vectorize.index }, "/api/markets/search?q=rain%20in%20Lisbon&mode=semantic&status=active&limit=5");
    const json = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(ai.calls).toEqual([{ model: "@cf/baai/bge-base-en-v1.5", inputs: { text: ["rain in Lisbon"] } }]);
    expect(vectorize.calls.query).toHaveLength(1);
    expect(vectorize.calls.query[0]!.options).toEqual({ topK: 10, returnValues: false, returnMetadata: "none", filter: { status: "active" } });
    expect(vectorize.calls.query[0]!.vector).toHaveLength(768);
    expect(json.meta.served).toBe("semantic");
    expect(json.data.map((h: { id: string; score: number }) => [h.id, h.score])).toEqual([
      [high, 0.83],
      [low, 0.61],
    ]);
  });

  it("search: a Vectorize failure falls back to keyword results", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const [id] = await insertMarkets(1);
    const ai = recordingAi();
    const vectorize = recordingVectorize({ queryError: new Error("VECTOR_QUERY_ERROR (code = 40007): index not found") });
    const res = await fetchWith({ AI: ai.ai, VECTORIZE: vectorize.index }, `/api/markets/search?q=${id}&mode=hybrid`);
    const json = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(json.meta.served).toBe("keyword");
    expect(json.data.map((h: { id: string }) => h.id)).toContain(id);
    vi.restoreAllMocks();
  });
});
