import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { INDEX_QUEUE_NAME } from "../../src/indexing/index-job";
import { RRF_K } from "../../src/search/rank-fusion";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { badPlanLines, queryPlan } from "../helpers/query-plans";
import { deliver, upsertJobs } from "../helpers/queue";
import { hitIds, nonce, search } from "../helpers/search";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

/** Creates markets through the API and indexes them now through the worker's queue entry. */
async function indexedMarkets(...markets: { name: string; description?: string; status?: string }[]) {
  const { token } = await actor();
  const created = [];
  for (const { status, ...m } of markets) {
    const market = await createMarket(token, { description: "", ...m });
    if (status) await call("PATCH", `/api/markets/${market.id}`, { token, body: { status } });
    created.push(market);
  }
  const versions = await env.DB.prepare("SELECT id, search_version AS v FROM markets WHERE id IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(created.map((m) => m.id)))
    .all<{ id: string; v: number }>();
  const { acked } = await deliver(INDEX_QUEUE_NAME, versions.results.map((r) => ({ op: "upsert", marketId: r.id, version: r.v })));
  expect(acked.size).toBe(created.length);
  return created;
}

describe("GET /api/markets/search: ranking", () => {
  it("orders results by descending similarity, each with its score", async () => {
    const [a, b, c] = [nonce("a"), nonce("b"), nonce("c")];
    const [one, two, three] = await indexedMarkets(
      { name: `Will ${a} happen` },
      { name: `Will ${a} and ${b} happen` },
      { name: `Will ${a} and ${b} and ${c} happen` },
    );
    const { res, json } = await search({ q: `${a} ${b} ${c}`, mode: "semantic" });
    expect(res.status).toBe(200);
    expect(json.meta).toEqual({ mode: "semantic", served: "semantic", limit: 10 });
    const hits = json.data as { id: string; score: number; name: string }[];
    expect(hits.slice(0, 3).map((h) => h.id)).toEqual([three!.id, two!.id, one!.id]);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
    // Results are market summaries (creator embedded, ISO dates), plus the score.
    expect(hits[0]).toMatchObject({ name: three!.name, status: "active", volume: 0, creator: { id: expect.any(String) } });
    expect(new Date((hits[0] as any).createdAt).toISOString()).toBe((hits[0] as any).createdAt);
  });

  it("keyword search (FTS5) finds an exact word that the hashing embedder ranks low", async () => {
    // The target names "porto" once among many other words; the decoy shares most of its letter
    // trigrams (port, portable, sport, report) without ever containing the word.
    const tag = nonce("t");
    const [target, decoy] = await indexedMarkets(
      {
        name: `Will the harbour bridge in Porto reopen ${tag}`,
        description: "Engineers inspect cables, concrete, railings, lighting, drainage, paint, bolts, bearings and expansion joints before traffic returns.",
      },
      { name: `Portable sports report on ports of Portugal ${tag}`, description: "" },
    );
    const semantic = await hitIds({ q: `porto ${tag}`, mode: "semantic" });
    expect(semantic.indexOf(decoy!.id)).toBeLessThan(semantic.indexOf(target!.id));

    const { json } = await search({ q: `porto ${tag}`, mode: "keyword" });
    expect(json.meta.served).toBe("keyword");
    expect(json.data[0].id).toBe(target!.id);
    const keywordOnly = await hitIds({ q: "porto", mode: "keyword", limit: 50 });
    expect(keywordOnly).toContain(target!.id);
    expect(keywordOnly).not.toContain(decoy!.id);
  });

  it("hybrid fuses both rankings by reciprocal rank (k = 60)", async () => {
    const [x, y] = [nonce("x"), nonce("y")];
    const [both, semanticOnly] = await indexedMarkets(
      { name: `Will ${x} ${y} be announced` },
      { name: `Will zz${x} zz${y} be announced` }, // most letter trigrams shared, not the words
    );
    const { json } = await search({ q: `${x} ${y}`, mode: "hybrid" });
    expect(json.meta.served).toBe("hybrid");
    const hits = json.data as { id: string; score: number }[];
    expect(hits[0]!.id).toBe(both!.id);
    // First in both rankings: 1/(k+1) twice. Second semantically, absent from keywords: 1/(k+2).
    expect(hits[0]!.score).toBeCloseTo(2 / (RRF_K + 1), 12);
    expect(hits.find((h) => h.id === semanticOnly!.id)?.score).toBeCloseTo(1 / (RRF_K + 2), 12);
  });

  it("filters by status in every mode", async () => {
    const word = nonce();
    const [open, closed] = await indexedMarkets({ name: `Will ${word} open` }, { name: `Will ${word} close`, status: "closed" });
    for (const mode of ["semantic", "keyword", "hybrid"]) {
      const ids = await hitIds({ q: word, mode, status: "closed" });
      expect(ids, mode).toContain(closed!.id);
      expect(ids, mode).not.toContain(open!.id);
    }
  });

  it("honours limit", async () => {
    const word = nonce();
    await indexedMarkets(...Array.from({ length: 5 }, (_, i) => ({ name: `Will ${word} number ${i} win` })));
    expect(await hitIds({ q: word, limit: 3, mode: "semantic" })).toHaveLength(3);
    expect(await hitIds({ q: word, limit: 3, mode: "keyword" })).toHaveLength(3);
    expect(await hitIds({ q: word, limit: 3 })).toHaveLength(3);
  });
});

describe("GET /api/markets/search: fallbacks", () => {
  it("a market not yet indexed is found by keywords: semantic falls back instead of failing", async () => {
    const word = nonce();
    // Written straight to D1 (as a restore or a lost job would leave it): keyword-indexed by the
    // triggers, never embedded.
    const id = `unindexed-${word}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?1, ?1)").bind(id),
      // Resolved, and searched among resolved markets only: few vectors another test wrote can
      // score above the similarity floor by chance (the local embedder hashes letter trigrams).
      env.DB.prepare("INSERT INTO markets (id, name, creator_id, status) VALUES (?1, ?2, ?1, 'resolved')").bind(id, `Will the ${word} ferry sail`),
    ]);
    for (const mode of ["semantic", "hybrid"]) {
      const { json } = await search({ q: word, mode, status: "resolved" });
      expect(json.meta.served, mode).toBe("keyword");
      expect(json.data.map((h: { id: string }) => h.id), mode).toEqual([id]);
      expect(json.data[0].score).toBeGreaterThan(0);
    }
  });

  it("a query with no match at all is an empty list, not an error", async () => {
    const { res, json } = await search({ q: nonce("q") });
    expect(res.status).toBe(200);
    expect(json.data).toEqual([]);
  });

  it("keyword search stems English words (porter): an inflection finds the base form", async () => {
    const word = nonce();
    const [m] = await indexedMarkets({ name: `Will it rain on the ${word} parade` });
    expect(await hitIds({ q: `raining ${word}s`, mode: "keyword" })).toContain(m!.id);
  });

  it("keyword changes are immediate: FTS follows every write in its own transaction", async () => {
    const [before, after] = [nonce("before"), nonce("after")];
    const { token } = await actor();
    const m = await createMarket(token, { name: `Will ${before} win`, description: "" });
    expect(await hitIds({ q: before, mode: "keyword" })).toEqual([m.id]);
    await call("PATCH", `/api/markets/${m.id}`, { token, body: { description: `now about ${after}` } });
    expect(await hitIds({ q: after, mode: "keyword" })).toEqual([m.id]);
    await call("PATCH", `/api/markets/${m.id}`, { token, body: { name: "Will something else win" } });
    expect(await hitIds({ q: before, mode: "keyword" })).toEqual([]);
    // Taking a position changes the volume only; the keyword index is left alone and stays right.
    await call("POST", `/api/markets/${m.id}/positions`, { token, body: { side: "yes", amount: 100 } });
    expect(await hitIds({ q: after, mode: "keyword" })).toEqual([m.id]);
    // A market with positions is kept (409); one without is deleted, and leaves the index with it.
    const admin = (await actor("admin")).token;
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: admin })).res.status).toBe(409);
    const gone = nonce("gone");
    const d = await createMarket(token, { name: `Will ${gone} go`, description: "" });
    expect(await hitIds({ q: gone, mode: "keyword" })).toEqual([d.id]);
    await call("DELETE", `/api/markets/${d.id}`, { token: admin });
    expect(await hitIds({ q: gone, mode: "keyword" })).toEqual([]);
  });
});

describe("GET /api/markets/search: input", () => {
  it("is routed as search, not as the market with id 'search'", async () => {
    const { res, json } = await call("GET", "/api/markets/search?q=anything");
    expect(res.status).toBe(200);
    expect(json.meta.mode).toBe("hybrid");
    const missing = await call("GET", "/api/markets/search");
    expect(missing.res.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "validation_failed", details: [{ location: "query", path: "q" }] });
  });

  it.each([
    ["q is empty", "q="],
    ["q is only spaces", "q=%20%20%20"],
    ["q is longer than 200 characters", `q=${"a".repeat(201)}`],
    ["limit is 0", "q=x&limit=0"],
    ["limit is over 50", "q=x&limit=51"],
    ["limit is not a number", "q=x&limit=ten"],
    ["status is unknown", "q=x&status=open"],
    ["mode is unknown", "q=x&mode=fuzzy"],
    ["an unknown parameter is sent", "q=x&sort=volume"],
  ])("400 in the envelope when %s", async (_, qs) => {
    const { res, json } = await call("GET", `/api/markets/search?${qs}`);
    expect(res.status).toBe(400);
    expect(json).toMatchObject({ success: false, error: { code: "validation_failed" } });
    expect(json.error!.details[0].location).toBe("query");
    expect(json.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("hostile query text never reaches FTS5 as syntax (never a 500)", async () => {
    const word = nonce();
    const [m] = await indexedMarkets({ name: `Will ${word} survive` });
    const hostile = [
      '"', '""', `"${word}`, "*", `${word}*`, "NEAR(a b)", "a AND", "AND", "OR OR", "NOT x", "-x", "^x", "name:x",
      "description:(x)", "(", ")", "{a b}", "'; DROP TABLE markets; --", "\\", "\u0000", "💥🔥", "a\"b\"c", "x + y", ":", ".",
    ];
    for (const q of hostile) {
      for (const mode of ["semantic", "keyword", "hybrid"]) {
        const { res, json } = await search({ q, mode });
        expect(res.status, `${mode} ${JSON.stringify(q)}`).toBe(200);
        expect(json.success).toBe(true);
      }
    }
    // Syntax around a real word is just punctuation: the word is still found.
    expect(await hitIds({ q: `"${word}" AND (NEAR*`, mode: "keyword" })).toContain(m!.id);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM markets WHERE id = ?").bind(m!.id).first())!.n).toBe(1);
  });
});

describe("GET /api/markets/search: D1 cost", () => {
  it("reads the markets of a result page in one query, and every statement uses an index", async () => {
    const word = nonce();
    await indexedMarkets({ name: `Will ${word} one` }, { name: `Will ${word} two` });
    for (const mode of ["keyword", "semantic", "hybrid"]) {
      const { db, counter } = countingD1(env.DB);
      const res = await fetchWith({ DB: db }, `/api/markets/search?q=${word}&mode=${mode}`);
      expect(res.status).toBe(200);
      const markets = counter.queries.filter((q) => /from "markets"/i.test(q.sql));
      expect(markets, mode).toHaveLength(1);
      // keyword: FTS + markets; semantic: vectors + markets; hybrid: all three.
      expect(counter.statements, mode).toBe(mode === "hybrid" ? 3 : 2);
      for (const q of counter.queries.filter((q) => !/market_vectors/.test(q.sql))) {
        expect(badPlanLines(await queryPlan(q)), q.sql).toEqual([]);
      }
    }
  });
});
