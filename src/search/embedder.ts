/**
 * Turns texts into vectors of `dimensions` numbers; similar texts get vectors with a high cosine
 * similarity. Adapters: WorkersAiEmbedder (production), HashingEmbedder (offline stand-in).
 */
export interface Embedder {
  /** Names the model, for logs and for telling vectors of different models apart. */
  readonly model: string;
  readonly dimensions: number;
  /**
   * Cosine similarities below this are noise for this model (unrelated texts) and are not
   * search results. 0 keeps every match.
   */
  readonly minSimilarity: number;
  /** One vector per text, in order. Implementations make one upstream call per invocation. */
  embed(texts: string[]): Promise<number[][]>;
}

/** The text a market is embedded and keyword-indexed by. */
export const marketText = (m: { name: string; description: string }) =>
  m.description ? `${m.name}\n${m.description}` : m.name;
