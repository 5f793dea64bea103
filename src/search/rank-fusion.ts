/** The constant of reciprocal rank fusion; 60 is the value from the original paper. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list contributes `1 / (k + rank)` (rank from 1) to every id in it,
 * and ids are returned by the sum, best first. Needs no comparable scores across lists, which
 * cosine similarity and BM25 are not. Ties keep the order in which ids were first seen.
 *
 * @example fuse([["a", "b"], ["b", "c"]]) // b (in both) first, then a, then c
 */
export function fuse(rankings: string[][], k = RRF_K): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
