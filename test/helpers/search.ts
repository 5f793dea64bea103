import type { Embedder } from "../../src/search/embedder";
import type { VectorIndex, VectorMatch, VectorQuery, VectorRecord } from "../../src/search/vector-index";
import { call } from "./api";

/** GET /api/markets/search with the given parameters. */
export async function search(params: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return call("GET", `/api/markets/search?${qs}`);
}

/** Ids of a search's results, best first. */
export const hitIds = async (params: Record<string, string | number>) =>
  ((await search(params)).json.data as { id: string }[]).map((h) => h.id);

/**
 * A word no other test uses, so a search for it finds only this test's markets: random letters
 * from the whole alphabet, so two such words share almost no letter trigrams either (the hashing
 * embedder would see shared trigrams as similarity).
 */
export const nonce = (prefix = "w") =>
  `${prefix}${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;

/** Wraps an embedder and records the texts of every call. */
export function countingEmbedder() {
  const calls: string[][] = [];
  const wrap = (inner: Embedder): Embedder => ({
    model: inner.model,
    dimensions: inner.dimensions,
    minSimilarity: inner.minSimilarity,
    embed: (texts) => {
      calls.push(texts);
      return inner.embed(texts);
    },
  });
  return { wrap, calls };
}

/** An embedder decorator that fails every call with `error` (an outage of the embedding model). */
export const failingEmbedder =
  (error: Error) =>
  (inner: Embedder): Embedder => ({
    model: inner.model,
    dimensions: inner.dimensions,
    minSimilarity: inner.minSimilarity,
    embed: () => Promise.reject(error),
  });

/** Wraps a vector index and records every call; `failUpserts` makes upserts fail. */
export function countingVectorIndex(o: { failUpserts?: Error } = {}) {
  const upserts: VectorRecord[][] = [];
  const deletes: string[][] = [];
  const queries: { vector: number[]; options: VectorQuery }[] = [];
  const wrap = (inner: VectorIndex): VectorIndex => ({
    upsert: (records) => {
      upserts.push(records);
      return o.failUpserts ? Promise.reject(o.failUpserts) : inner.upsert(records);
    },
    deleteByIds: (ids) => {
      deletes.push(ids);
      return inner.deleteByIds(ids);
    },
    query: (vector, options): Promise<VectorMatch[]> => {
      queries.push({ vector, options });
      return inner.query(vector, options);
    },
  });
  return { wrap, upserts, deletes, queries };
}
