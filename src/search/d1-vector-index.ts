import { inJsonList } from "../db/in-list";
import { cosineScorer, encodeVector } from "./vector-codec";
import type { VectorIndex, VectorMatch, VectorQuery, VectorRecord } from "./vector-index";

/**
 * The offline stand-in for Vectorize: vectors in the D1 table `market_vectors`, searched by exact
 * cosine similarity over every stored vector (a full scan, optionally of one status). Exact and
 * simple; fine for tens of thousands of markets on one machine, not a production vector store.
 * Talks to D1 directly (not through Drizzle) to read rows as plain arrays, which matters for a
 * scan. Every method is a single statement.
 *
 * @example const index = new D1VectorIndex(env.DB);
 */
export class D1VectorIndex implements VectorIndex {
  constructor(private readonly db: D1Database | D1DatabaseSession) {}

  async upsert(records: VectorRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((r) => ({ id: r.id, status: r.metadata.status, version: r.metadata.version, embedding: encodeVector(r.values) }));
    // One statement for the whole batch: the rows travel as one JSON parameter (D1 allows 100
    // bound parameters per statement). A vector computed from an older version of the market
    // never replaces a newer one, whatever order jobs finish in.
    await this.db
      .prepare(
        `INSERT INTO market_vectors (market_id, status, version, embedding)
         SELECT value ->> 'id', value ->> 'status', value ->> 'version', value ->> 'embedding' FROM json_each(?1) WHERE true
         ON CONFLICT (market_id) DO UPDATE SET status = excluded.status, version = excluded.version, embedding = excluded.embedding
         WHERE excluded.version >= market_vectors.version`,
      )
      .bind(JSON.stringify(rows))
      .run();
  }

  async deleteByIds(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .prepare(`DELETE FROM market_vectors WHERE ${inJsonList("market_id")}`)
      .bind(JSON.stringify(ids))
      .run();
  }

  async query(vector: number[], { topK, status }: VectorQuery): Promise<VectorMatch[]> {
    const statement = status
      ? this.db.prepare("SELECT market_id, embedding FROM market_vectors WHERE status = ?1").bind(status)
      : this.db.prepare("SELECT market_id, embedding FROM market_vectors");
    const rows = await statement.raw<[string, string]>();
    const score = cosineScorer(vector);
    const matches: VectorMatch[] = [];
    for (const [id, embedding] of rows) {
      const s = score(embedding);
      if (!Number.isNaN(s)) matches.push({ id, score: s });
    }
    return matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, topK);
  }
}
