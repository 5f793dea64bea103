import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger";
import { D1VectorIndex } from "../../src/search/d1-vector-index";
import { HashingEmbedder } from "../../src/search/hashing-embedder";
import { cosineScorer, decodeVector, encodeVector } from "../../src/search/vector-codec";
import { createSearchService } from "../../src/services";
import { insertMarkets } from "../helpers/fixtures";
import { countingD1 } from "../helpers/d1-doubles";

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
};

describe("HashingEmbedder", () => {
  const embedder = new HashingEmbedder();

  it("is deterministic, 768-dimensional and L2-normalised", async () => {
    const [a, b] = await embedder.embed(["Will it rain in Lisbon?", "Will it rain in Lisbon?"]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(768);
    expect(a!.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 10);
    expect(embedder.dimensions).toBe(768);
  });

  it("is lexical: shared words and spellings score high, unrelated text near zero", async () => {
    const [query, sameWords, inflected, unrelated] = await embedder.embed([
      "rain in Lisbon",
      "Will it rain in Lisbon on Friday?",
      "Raining over lisbon",
      "Electric cars outsell petrol this quarter",
    ]);
    const related = cosine(query!, sameWords!);
    expect(related).toBeGreaterThan(0.5);
    expect(cosine(query!, inflected!)).toBeGreaterThan(embedder.minSimilarity);
    expect(Math.abs(cosine(query!, unrelated!))).toBeLessThan(embedder.minSimilarity);
  });

  it("ignores case, diacritics, punctuation and stopwords", async () => {
    const [a, b, c] = await embedder.embed(["São Paulo!", "sao paulo", "Will the São Paulo be"]);
    expect(a).toEqual(b);
    expect(c).toEqual(b);
  });

  it("embeds text without words as the zero vector", async () => {
    const [empty, stop] = await embedder.embed(["?!", "will the"]);
    expect(empty!.every((x) => x === 0)).toBe(true);
    expect(stop!.every((x) => x === 0)).toBe(true);
  });
});

describe("vector codec", () => {
  it("round-trips dense and sparse vectors at float32 precision", async () => {
    const dense = Array.from({ length: 768 }, (_, i) => Math.sin(i + 1));
    const [sparse] = await new HashingEmbedder().embed(["a short market name"]);
    for (const v of [dense, sparse!]) {
      const back = decodeVector(encodeVector(v));
      expect(back).toHaveLength(768);
      back.forEach((x, i) => expect(x).toBeCloseTo(v[i]!, 6));
    }
    // Mostly-zero vectors are stored sparse: several times smaller.
    expect(encodeVector(sparse!).length * 3).toBeLessThan(encodeVector(dense).length);
  });

  it("scores exact cosine similarity without decoding to a dense vector", () => {
    const a = Array.from({ length: 768 }, (_, i) => Math.cos(i));
    const b = Array.from({ length: 768 }, (_, i) => (i % 5 === 0 ? Math.sin(i) : 0));
    const score = cosineScorer(a);
    expect(score(encodeVector(b))).toBeCloseTo(cosine(a, b), 5);
    expect(score(encodeVector(a))).toBeCloseTo(1, 5);
    expect(score(encodeVector([1, 2, 3]))).toBeNaN(); // other dimensions
    expect(score(encodeVector(Array(768).fill(0)))).toBeNaN();
  });
});

describe("D1VectorIndex", () => {
  const id = (s: string) => `vec-${s}-${crypto.randomUUID().slice(0, 8)}`;
  const unit = (hot: number[]) => Array.from({ length: 768 }, (_, i) => (hot.includes(i) ? 1 / Math.sqrt(hot.length) : 0));

  it("answers nearest vectors by exact cosine similarity, best first, at most topK, filtered by status", async () => {
    const index = new D1VectorIndex(env.DB);
    // Dimensions 700+ are used by no real embedding in the test database, so nothing else matches.
    const [a, b, c, d] = [id("a"), id("b"), id("c"), id("d")];
    await index.upsert([
      { id: a, values: unit([700, 701, 702]), metadata: { status: "active", version: 1 } },
      { id: b, values: unit([700, 701]), metadata: { status: "active", version: 1 } },
      { id: c, values: unit([700]), metadata: { status: "active", version: 1 } },
      { id: d, values: unit([700, 701, 702]), metadata: { status: "closed", version: 1 } },
    ]);
    const query = unit([700, 701, 702]);
    const all = (await index.query(query, { topK: 100 })).filter((m) => [a, b, c, d].includes(m.id));
    expect(all.map((m) => m.id).slice(2)).toEqual([b, c]);
    expect(all[0]!.score).toBeCloseTo(1, 6);
    expect(all[2]!.score).toBeCloseTo(cosine(query, unit([700, 701])), 6);
    expect(all[3]!.score).toBeCloseTo(cosine(query, unit([700])), 6);
    expect((await index.query(query, { topK: 100, status: "closed" })).map((m) => m.id)).toContain(d);
    expect((await index.query(query, { topK: 100, status: "closed" })).map((m) => m.id)).not.toContain(a);
    expect(await index.query(query, { topK: 2 })).toHaveLength(2);
  });

  it("writes and deletes any number of vectors in one statement, and never lets an older version win", async () => {
    const { db, counter } = countingD1(env.DB);
    const index = new D1VectorIndex(db);
    const ids = Array.from({ length: 100 }, (_, i) => id(String(i)));
    await index.upsert(ids.map((x) => ({ id: x, values: unit([703]), metadata: { status: "active", version: 2 } })));
    expect(counter.statements).toBe(1);
    await index.upsert([{ id: ids[0]!, values: unit([704]), metadata: { status: "closed", version: 1 } }]);
    const row = await env.DB.prepare("SELECT status, version FROM market_vectors WHERE market_id = ?").bind(ids[0]).first();
    expect(row).toEqual({ status: "active", version: 2 });
    await index.deleteByIds(ids);
    expect(counter.statements).toBe(3);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM market_vectors WHERE market_id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(ids))
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});

describe("createSearchService (search outside a request)", () => {
  it("searches with the same adapters the worker uses", async () => {
    const [id] = await insertMarkets(1);
    const { items, served } = await createSearchService(env, createLogger()).search({ q: id!, limit: 5, mode: "keyword" });
    expect(served).toBe("keyword");
    expect(items[0]!.id).toBe(id);
  });
});
