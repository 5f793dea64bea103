import { errorFields, type Logger } from "../log/logger";
import type { MarketStatus, MarketSummary } from "./market.model";
import type { MarketRepository } from "./market.repository";
import type { Embedder } from "../search/embedder";
import type { KeywordIndex } from "../search/keyword-index";
import { fuse } from "../search/rank-fusion";
import type { VectorIndex, VectorMatch } from "../search/vector-index";

/** How relevance is judged: by meaning (vectors), by words (FTS5/BM25), or both fused. */
export const SEARCH_MODES = ["hybrid", "semantic", "keyword"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** A search request. */
export interface SearchQuery {
  q: string;
  limit: number;
  status?: MarketStatus | undefined;
  mode: SearchMode;
}

/**
 * A market found by a search. `score` is higher for better matches; its scale depends on how the
 * result was ranked: cosine similarity (semantic), negated BM25 (keyword) or the reciprocal rank
 * fusion sum (hybrid).
 */
export type SearchHit = MarketSummary & { score: number };

/** Hits best first, and the ranking that produced them (keyword when semantic had nothing). */
export interface SearchResult {
  items: SearchHit[];
  served: SearchMode;
}

/** Candidates taken from each ranking: enough to fill a page after dropping stale vectors. */
const candidatesFor = (limit: number) => Math.min(100, limit * 2);

/**
 * Searches markets by meaning, by keywords, or both. Semantic: embed the query, take the nearest
 * vectors (with the status filter), drop matches below the model's noise floor. Keyword: FTS5 with
 * BM25. Hybrid: both, fused by reciprocal rank. Markets are then read in ONE query and returned by
 * descending score. An empty vector index, a miss or an embedding/vector failure falls back to the
 * keyword ranking, never to an error.
 */
export class SearchService {
  constructor(
    private readonly embedder: Embedder,
    private readonly vectors: VectorIndex,
    private readonly keywords: KeywordIndex,
    private readonly markets: MarketRepository,
    private readonly logger: Logger,
  ) {}

  async search({ q, limit, status, mode }: SearchQuery): Promise<SearchResult> {
    const topK = candidatesFor(limit);
    const keyword = () => this.keywords.search(q, { limit: topK, status });
    if (mode === "keyword") return { items: await this.hydrate(await keyword(), limit, status), served: "keyword" };

    const [semantic, words] = await Promise.all([this.semantic(q, topK, status), mode === "hybrid" ? keyword() : null]);
    let ranked: VectorMatch[];
    let served: SearchMode;
    if (semantic.length === 0) {
      ranked = words ?? (await keyword());
      served = "keyword";
    } else if (!words || words.length === 0) {
      ranked = semantic;
      served = "semantic";
    } else {
      ranked = fuse([semantic.map((m) => m.id), words.map((m) => m.id)]);
      served = "hybrid";
    }
    return { items: await this.hydrate(ranked, limit, status), served };
  }

  private async semantic(q: string, topK: number, status: MarketStatus | undefined): Promise<VectorMatch[]> {
    try {
      const [vector] = await this.embedder.embed([q]);
      if (!vector) return [];
      const matches = await this.vectors.query(vector, { topK, status });
      return matches.filter((m) => m.score >= this.embedder.minSimilarity);
    } catch (err) {
      this.logger.warn("semantic search unavailable; answering with keyword results", errorFields(err));
      return [];
    }
  }

  /**
   * The ranked markets in one query. D1 is the truth: a vector may outlive its market for a moment
   * (delete job not yet consumed) or carry an older status, so missing and filtered-out markets
   * are dropped here.
   */
  private async hydrate(ranked: VectorMatch[], limit: number, status: MarketStatus | undefined): Promise<SearchHit[]> {
    const found = new Map((await this.markets.findManyByIds(ranked.map((r) => r.id))).map((m) => [m.id, m]));
    const hits: SearchHit[] = [];
    for (const { id, score } of [...ranked].sort((a, b) => b.score - a.score)) {
      const market = found.get(id);
      if (market && (!status || market.status === status)) hits.push({ ...market, score });
      if (hits.length === limit) break;
    }
    return hits;
  }
}
