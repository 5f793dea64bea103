// What the benchmark serves and what it measures, as data. The harness (run.mjs) knows nothing
// about any particular route: to measure a new one, add a scenario here.
//
// A server is one workerd process running one worker with its own copy of the seeded data.
// A scenario is a list of requests cycled by every load connection against one server, the status
// codes it expects (anything else counts as an error), and optionally the baseline it is compared
// with and the budgets it must meet.
//
// A measurement that is not a request loop is a scenario with `measure` instead of `requests`: an
// async function, run once, given the context plus `server` (its url, mf: the Miniflare instance),
// `servers`, `dataset`, `durationS` and `send(base, request)`, returning at least `rps` (items per
// second) and `errors`; it may return `d1` too (see "indexing" below).

import { performance } from "node:perf_hooks";
import { sleep } from "./client.mjs";

/**
 * Every worker the benchmark starts. `script` names a build (see buildWorkers in build.mjs);
 * `marketDocs` seeds its KV with the documents the API caches, under the ids the cached scenarios
 * read; `probe` is its first request, one it must answer 200 (default "/", "/health" for the API).
 */
export const SERVERS = {
  "bare-const": { script: "bare-const" },
  "bare-kv": { script: "bare-kv", kv: "KV", marketDocs: true, probe: (ctx) => `/${ctx.cachedIds[0]}` },
  "bare-hono-kv": { script: "bare-hono-kv", kv: "KV", marketDocs: true, probe: (ctx) => `/api/markets/${ctx.cachedIds[0]}` },
  "bare-d1": { script: "bare-d1", d1: true, metered: "metered-bare-d1", probe: (ctx) => `/${ctx.uncachedIds[0]}` },
  "bare-d1-session": { script: "bare-d1-session", d1: true, probe: (ctx) => `/${ctx.uncachedIds[0]}` },
  "bare-list-session": { script: "bare-list-session", d1: true },
  "bare-create-session": { script: "bare-create-session", d1: true },
  // The API as deployed (wrangler.toml vars), KV cache on, in-memory rate limiter.
  app: { script: "app", d1: true, kv: "CACHE", app: true, metered: "metered-app" },
  // Same, KV cache off: every read goes to D1.
  "app-nocache": { script: "app", d1: true, kv: "CACHE", app: true, vars: { CACHE_TTL_SECONDS: "0" }, metered: "metered-app" },
  // Same as app, rate limits kept in Redis through the Upstash REST bridge (production's path).
  "app-upstash": { script: "app", d1: true, kv: "CACHE", app: true, upstash: true, metered: "metered-app" },
};

/** Queries the search scenarios cycle through: words of the dataset's market names, and a miss. */
export const SEARCH_TERMS = ["rain in Lisbon", "metro line opening", "central bank rates", "marathon record", "electric cars", "bridge renovation", "river flood", "cloudless solstice", "volcano eruption"];

/**
 * Indexing throughput, end to end: POST /api/admin/reindex enqueues every market; the server's own
 * queue consumer embeds them (hashing embedder) and writes their vectors to D1. Markets per second
 * from the request until the last vector is stored. The search scenarios then query this index.
 */
async function measureIndexing(ctx) {
  const { count, seconds, failures } = await buildSearchIndex(ctx);
  return { rps: count / seconds, requests: count, errors: failures, durationS: seconds };
}

/** Reindexes every market on `ctx.server` and waits until every vector is stored. */
async function buildSearchIndex(ctx) {
  const db = await ctx.server.mf.getD1Database("DB");
  const vectors = async () => (await db.prepare("SELECT count(*) AS n FROM market_vectors").first()).n;
  const started = performance.now();
  const { res, body } = await ctx.send(ctx.server.url, post("/api/admin/reindex", ctx.adminToken, {}));
  if (res.status !== 202) throw new Error(`reindex answered ${res.status}: ${body}`);
  const { count } = JSON.parse(body).data;
  const deadline = started + 600_000;
  let done = 0;
  while ((done = await vectors()) < count) {
    if (performance.now() > deadline) throw new Error(`indexing stalled at ${done}/${count} vectors`);
    await sleep(100);
  }
  const seconds = (performance.now() - started) / 1000;
  const failures = (await db.prepare("SELECT count(*) AS n FROM index_failures").first()).n;
  return { count, seconds, failures };
}

const get = (path, headers) => ({ method: "GET", path, ...(headers ? { headers } : {}) });
const post = (path, token, body) => ({
  method: "POST",
  path,
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** `Bearer a.` followed by 100 000 letters and a `!`. */
const MALFORMED_BEARER = `Bearer a.${"a".repeat(100_000)}!`;

/** Creates with an Idempotency-Key each, unique to this run and `tag`. */
const keyedCreates = (ctx, tag, n, { perSend = false } = {}) =>
  Array.from({ length: n }, (_, i) => {
    const req = post("/api/markets", ctx.tokens[i % ctx.tokens.length], { name: `Will keyed benchmark market ${tag} ${i + 1} resolve yes?` });
    // Every connection cycles through the same list from its start, in every round: without a
    // per-send part (load.mjs has autocannon put a unique id in place of `[<id>]`) most sends would
    // reuse a key, and the scenario would measure replays instead of keyed creates.
    return { ...req, headers: { ...req.headers, "idempotency-key": `bench-${ctx.runId}-${tag}-${i}${perSend ? "-[<id>]" : ""}` } };
  });

/** Page size of the list scenarios; their rows-read budget is LIST_LIMIT + 2. */
export const LIST_LIMIT = 20;
const LIST_PATH = `/api/markets?sort=volume&order=desc&limit=${LIST_LIMIT}`;

/**
 * The measurements, in the order odd rounds run them (even rounds run it reversed): each near its
 * baseline, so drift over a pair of rounds affects both alike. Writes come last: the first round
 * reads the data as seeded, and the indexing measurement (round 1 only) comes before search. Writes
 * never touch what reads use: positions go to activeIds, disjoint from cachedIds, and list pages and
 * uncached reads are served by app-nocache, where only indexing writes (the search index).
 *
 * Context (built by context.mjs): cachedIds (the first 200 markets), uncachedIds (2 000), activeIds (the
 * last 500 active markets, disjoint from cachedIds), tokens (user tokens), deepCursor (the cursor
 * after 4 000 rows of LIST_PATH).
 */
export const SCENARIOS = [
  { id: "bare-const", title: "bare worker: constant response", server: "bare-const", expect: [200], requests: () => [get("/")] },
  { id: "bare-kv", title: "bare worker: one KV get", server: "bare-kv", expect: [200], requests: (ctx) => ctx.cachedIds.map((id) => get(`/${id}`)) },
  // What a request id, security headers and one access-log line cost on Hono alone (reference).
  {
    id: "bare-hono-kv",
    title: "bare Hono worker: the same KV get behind Hono's request id and secure headers and one access-log line",
    server: "bare-hono-kv",
    baseline: "bare-kv",
    expect: [200],
    requests: (ctx) => ctx.cachedIds.map((id) => get(`/api/markets/${id}`)),
  },
  {
    id: "market-cached",
    title: "GET /api/markets/:id, KV warm",
    server: "app",
    baseline: "bare-kv",
    reference: "bare-hono-kv",
    expect: [200],
    warm: true,
    verify: { header: "x-cache", value: "HIT" },
    meter: true,
    budget: { minRatio: 0.85 },
    // Under --rtt far: only the KV get; the limiter counts in the background.
    far: { maxSequential: 1, p50OverKvMs: 10 },
    requests: (ctx) => ctx.cachedIds.map((id) => get(`/api/markets/${id}`)),
  },
  {
    // An attacker's request: a 100 KB Authorization header in the shape that once made the bearer
    // pattern backtrack quadratically (~5 s of CPU each). Refused by length before any parsing;
    // it must cost no more than half as much as a cached read.
    id: "malformed-bearer",
    title: "GET /api/markets/:id with a malformed 100 KB bearer (401)",
    server: "app",
    baseline: "market-cached",
    expect: [401, 429],
    budget: { minRatio: 0.5 },
    requests: (ctx) => ctx.cachedIds.map((id) => get(`/api/markets/${id}`, { authorization: MALFORMED_BEARER })),
  },
  {
    id: "market-auth",
    title: "GET /api/markets/:id with JWT, rate limit via Upstash bridge (KV warm)",
    server: "app-upstash",
    baseline: "bare-kv",
    expect: [200],
    warm: true,
    verify: { header: "ratelimit-limit" },
    meter: true,
    far: { maxSequential: 1, p50OverKvMs: 10 },
    requests: (ctx) => ctx.cachedIds.map((id, i) => get(`/api/markets/${id}`, { authorization: `Bearer ${ctx.tokens[i % ctx.tokens.length]}` })),
  },
  { id: "bare-d1", title: "bare worker: one D1 select by primary key", server: "bare-d1", expect: [200], meter: true, requests: (ctx) => ctx.uncachedIds.map((id) => get(`/${id}`)) },
  // The floors of D1-bound reads: every API request opens a Sessions API session (replicas,
  // bookmarks), and locally a session costs a round of its own per statement.
  {
    id: "bare-d1-session",
    title: "bare worker: the same select in a D1 session (floor of a read by id)",
    server: "bare-d1-session",
    baseline: "bare-d1",
    expect: [200],
    requests: (ctx) => ctx.uncachedIds.map((id) => get(`/${id}`)),
  },
  {
    id: "bare-list-session",
    title: `bare worker: the list page's own select (${LIST_LIMIT} rows) in a D1 session (floor of a list page)`,
    server: "bare-list-session",
    baseline: "bare-d1",
    expect: [200],
    requests: () => [get("/")],
  },

  {
    id: "market-uncached",
    title: "GET /api/markets/:id, KV off (CACHE_TTL_SECONDS=0)",
    server: "app-nocache",
    baseline: "bare-d1-session",
    reference: "bare-d1",
    expect: [200],
    verify: { header: "x-cache", absent: true },
    meter: true,
    budget: { minRatio: 0.85 },
    far: { maxSequential: 2 },
    requests: (ctx) => ctx.uncachedIds.map((id) => get(`/api/markets/${id}`)),
  },
  {
    id: "list-first",
    title: `GET /api/markets, ${LIST_LIMIT} with creators, first page (KV off)`,
    server: "app-nocache",
    baseline: "bare-list-session",
    reference: "bare-d1",
    expect: [200],
    meter: true,
    budget: { minRatio: 0.85, maxRowsRead: LIST_LIMIT + 2 },
    far: { maxSequential: 2 },
    requests: () => [get(LIST_PATH)],
  },
  {
    id: "list-deep",
    title: `GET /api/markets, ${LIST_LIMIT} with creators, cursor 4 000 deep (KV off)`,
    server: "app-nocache",
    baseline: "bare-list-session",
    reference: "bare-d1",
    expect: [200],
    meter: true,
    budget: { minRatio: 0.85, maxRowsRead: LIST_LIMIT + 2 },
    requests: (ctx) => [get(`${LIST_PATH}&cursor=${encodeURIComponent(ctx.deepCursor)}`)],
  },
  {
    id: "indexing",
    title: "indexing: markets embedded and stored per second, reindex of 10 000 through the local queue",
    server: "app-nocache",
    measure: measureIndexing,
  },
  ...["hybrid", "semantic", "keyword"].map((mode) => ({
    id: `search-${mode}`,
    title: `GET /api/markets/search, mode=${mode}, 20 results over 10 000 markets (KV off)`,
    server: "app-nocache",
    baseline: "bare-d1",
    expect: [200],
    meter: true,
    // The metering pass runs on a fresh copy of the data, which needs its index built first.
    setup: buildSearchIndex,
    // Locally the embedder makes no round trip: the vector and keyword queries overlap, then one
    // read fetches the markets. With Workers AI and Vectorize the path is embed -> vector query
    // (overlapping the keyword query) -> markets, three round trips.
    ...(mode === "hybrid" ? { far: { maxSequential: 2 } } : {}),
    requests: () => SEARCH_TERMS.map((q) => get(`/api/markets/search?q=${encodeURIComponent(q)}&limit=20&mode=${mode}`)),
  })),
  {
    id: "bare-create-session",
    title: "bare worker: the create's own batch in a first-primary D1 session (floor of a create)",
    server: "bare-create-session",
    baseline: "bare-d1",
    expect: [201],
    requests: (ctx) =>
      ctx.tokenUserIds.map((user, i) => ({ ...post("/", "", { name: `Will bare market ${i + 1} resolve yes?` }), headers: { "content-type": "application/json", "x-bench-user": user } })),
  },
  {
    id: "market-create",
    title: "POST /api/markets",
    server: "app",
    baseline: "bare-create-session",
    reference: "bare-d1",
    budget: { minRatio: 0.5 },
    expect: [201],
    meter: true,
    // The limiter's decision, then the batch.
    far: { maxSequential: 2 },
    requests: (ctx) => ctx.tokens.map((token, i) => post("/api/markets", token, { name: `Will benchmark market ${i + 1} resolve yes?` })),
  },
  {
    id: "market-create-keyed",
    title: "POST /api/markets with Idempotency-Key",
    server: "app",
    baseline: "bare-d1",
    expect: [201],
    meter: true,
    // The key's lookup overlaps the limiter's decision, then the batch.
    far: { maxSequential: 2 },
    requests: (ctx) => keyedCreates(ctx, "load", 5_000, { perSend: true }),
    // Fresh keys for the one-at-a-time trace: a key the load already used would be a replay.
    tracedRequests: (ctx) => keyedCreates(ctx, "trace", 10),
  },
  {
    id: "position-create",
    title: "POST /api/markets/:id/positions",
    server: "app",
    baseline: "bare-d1",
    expect: [201],
    meter: true,
    // No read of the market first: the batch's own statements check it.
    far: { maxSequential: 2 },
    requests: (ctx) => ctx.activeIds.map((id, i) => post(`/api/markets/${id}/positions`, ctx.tokens[i % ctx.tokens.length], { side: i % 2 ? "no" : "yes", amount: 100 })),
  },
];
