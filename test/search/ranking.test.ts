import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { toFtsQuery } from "../../src/search/keyword-index";
import { fuse, RRF_K } from "../../src/search/rank-fusion";

describe("toFtsQuery", () => {
  it("quotes each word and joins them with OR", () => {
    expect(toFtsQuery("Rain in LISBON")).toBe('"rain" OR "in" OR "lisbon"');
    expect(toFtsQuery('rain AND "Lisbon*')).toBe('"rain" OR "and" OR "lisbon"');
    expect(toFtsQuery("São-Paulo name:x")).toBe('"sao" OR "paulo" OR "name" OR "x"');
  });

  it("drops repeats, keeps at most 16 terms, and has nothing to say about punctuation only", () => {
    expect(toFtsQuery("a a a b")).toBe('"a" OR "b"');
    expect(toFtsQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))!.split(" OR ")).toHaveLength(16);
    expect(toFtsQuery('"*()^-:')).toBeNull();
  });

  it("produces expressions FTS5 always accepts", async () => {
    const inputs = ['"', "NEAR(a b", "a OR", "-x", "x*", "col:x", "(((", "\u0000x", "💥 boom", "AND OR NOT", "'quoted'", "x\"y"];
    for (const input of inputs) {
      const match = toFtsQuery(input);
      if (match === null) continue;
      await expect(env.DB.prepare("SELECT count(*) FROM markets_fts WHERE markets_fts MATCH ?").bind(match).first(), input).resolves.toBeDefined();
    }
  });
});

describe("reciprocal rank fusion", () => {
  it("sums 1/(k + rank) over the rankings an id appears in, best first", () => {
    const fused = fuse([
      ["a", "b", "c"],
      ["c", "a"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["a", "c", "b"]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2), 12);
    expect(fused[1]!.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 12);
    expect(fused[2]!.score).toBeCloseTo(1 / (RRF_K + 2), 12);
    expect(RRF_K).toBe(60);
  });

  it("keeps the order of first appearance on ties and handles empty rankings", () => {
    expect(fuse([["x"], ["y"]]).map((f) => f.id)).toEqual(["x", "y"]);
    expect(fuse([[], []])).toEqual([]);
  });
});
