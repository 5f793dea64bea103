import type { Embedder } from "./embedder";
import { words } from "./words";

// Words that appear in nearly every market ("Will the ... be ... this year?") and would make all
// of them look alike to a model that has no idea of word importance.
const STOPWORDS = new Set(
  "a an and are as at be been before by do does for from has have if in into is it its of on or over than that the then this to was were what when which who will with".split(" "),
);
const WORD_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.35;

/** 32-bit FNV-1a: fast, dependency-free and stable across runtimes. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The offline stand-in for a semantic model: deterministic feature hashing of words and of
 * character trigrams, L2-normalised, in the production model's dimensions. It is lexical — it
 * knows that "raining" is close to "rain" (shared trigrams) but not that "downpour" is — so local
 * search finds shared words and spellings, never synonyms. No network, no state.
 *
 * @example const [v] = await new HashingEmbedder().embed(["Will it rain in Lisbon?"]);
 */
export class HashingEmbedder implements Embedder {
  readonly model = "hashing-v1";
  /** Hash collisions alone give unrelated texts |cosine| of a few hundredths. */
  readonly minSimilarity = 0.12;

  constructor(readonly dimensions = 768) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  private vector(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      // The low bit picks a sign so collisions cancel out on average instead of piling up.
      v[(h >>> 1) % this.dimensions]! += h & 1 ? weight : -weight;
    };
    for (const word of words(text)) {
      if (STOPWORDS.has(word)) continue;
      add(`w:${word}`, WORD_WEIGHT);
      const padded = `^${word}$`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    return Array.from(v, (x) => (norm === 0 ? 0 : x / norm));
  }
}
