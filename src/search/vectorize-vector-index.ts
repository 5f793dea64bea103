import { OUTBOUND_RETRY, type RetryOptions, withRetry } from "../lib/retry";
import type { VectorIndex, VectorMatch, VectorQuery, VectorRecord } from "./vector-index";

/**
 * Cloudflare Vectorize through the `VECTORIZE` binding (an index created with 768 dimensions, the
 * cosine metric and a string metadata index on `status`). Market ids are the vector ids; no
 * namespaces. Every call is retried on transient failures with {@link withRetry}.
 *
 * Vectorize applies writes asynchronously: a vector is queryable a few seconds after `upsert`
 * resolves.
 *
 * @example const index = new VectorizeVectorIndex(env.VECTORIZE);
 */
export class VectorizeVectorIndex implements VectorIndex {
  constructor(
    private readonly index: VectorizeIndex,
    private readonly retry: RetryOptions = OUTBOUND_RETRY,
  ) {}

  async upsert(records: VectorRecord[]): Promise<void> {
    if (records.length === 0) return;
    const vectors = records.map((r) => ({ id: r.id, values: r.values, metadata: { ...r.metadata } }));
    await withRetry(() => this.index.upsert(vectors), this.retry);
  }

  async deleteByIds(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await withRetry(() => this.index.deleteByIds(ids), this.retry);
  }

  async query(vector: number[], { topK, status }: VectorQuery): Promise<VectorMatch[]> {
    const result = await withRetry(
      () =>
        this.index.query(vector, {
          topK,
          // Markets are read from D1 afterwards: ids and scores are all search needs.
          returnValues: false,
          returnMetadata: "none",
          ...(status ? { filter: { status } } : {}),
        }),
      this.retry,
    );
    return result.matches.map((m) => ({ id: m.id, score: m.score })).sort((a, b) => b.score - a.score);
  }
}
