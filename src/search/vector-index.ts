import type { MarketStatus } from "../db/schema";

/** One market's vector and what search filters on. */
export interface VectorRecord {
  id: string;
  values: number[];
  metadata: { status: MarketStatus; version: number };
}

/** A nearest neighbour: the market id and its cosine similarity to the query (higher is closer). */
export interface VectorMatch {
  id: string;
  score: number;
}

/** What a nearest-neighbour query may ask for. */
export interface VectorQuery {
  topK: number;
  status?: MarketStatus | undefined;
}

/**
 * Stores market vectors and finds the nearest ones by cosine similarity. Adapters:
 * VectorizeVectorIndex (production) and D1VectorIndex (offline stand-in). Each method is one
 * upstream call, whatever the number of records.
 */
export interface VectorIndex {
  upsert(records: VectorRecord[]): Promise<void>;
  deleteByIds(ids: string[]): Promise<void>;
  /** Matches ordered by descending similarity, at most `topK`. */
  query(vector: number[], options: VectorQuery): Promise<VectorMatch[]>;
}
