import { OUTBOUND_RETRY, type RetryOptions, withRetry } from "../lib/retry";
import type { Embedder } from "./embedder";

/** The production embedding model: BAAI bge-base-en-v1.5 on Workers AI, 768 dimensions. */
export const BGE_MODEL = "@cf/baai/bge-base-en-v1.5";
const DIMENSIONS = 768;
/** Texts per request the model accepts. */
const MAX_BATCH = 100;
/** The model reads at most 512 tokens; longer text is cut here rather than refused upstream. */
const MAX_CHARS = 2000;

/**
 * Embeddings from Workers AI through the `AI` binding: one `AI.run` per (up to) 100 texts, each
 * call retried on transient failures with {@link withRetry}. The response's shape is checked, so
 * a model or API change fails loudly instead of writing wrong vectors.
 *
 * @example const embedder = new WorkersAiEmbedder(env.AI);
 */
export class WorkersAiEmbedder implements Embedder {
  readonly model = BGE_MODEL;
  readonly dimensions = DIMENSIONS;
  readonly minSimilarity = 0;

  constructor(
    private readonly ai: Ai,
    private readonly retry: RetryOptions = OUTBOUND_RETRY,
  ) {}

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += MAX_BATCH) {
      const text = texts.slice(i, i + MAX_BATCH).map((t) => t.slice(0, MAX_CHARS));
      const out = await withRetry(() => this.ai.run(BGE_MODEL, { text }), this.retry);
      vectors.push(...checked(out, text.length));
    }
    return vectors;
  }
}

function checked(out: unknown, n: number): number[][] {
  const { shape, data } = (out ?? {}) as { shape?: unknown; data?: unknown };
  const ok =
    Array.isArray(shape) &&
    shape[0] === n &&
    shape[1] === DIMENSIONS &&
    Array.isArray(data) &&
    data.length === n &&
    data.every((row) => Array.isArray(row) && row.length === DIMENSIONS);
  if (!ok) throw new Error(`${BGE_MODEL} answered an unexpected shape ${JSON.stringify(shape)} for ${n} texts`);
  return data as number[][];
}
