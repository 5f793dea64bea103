import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkBudgets, MAX_BUNDLE_GZIP_KIB } from "../../scripts/bench/budgets.mjs";
import { BENCH_SIZES, generateDataset, insertStatements, migrationStatements } from "../../scripts/bench/dataset.mjs";
import { formatMarkdown, replaceMarkedSection } from "../../scripts/bench/report.mjs";
import { benchResults } from "../../scripts/bench/results.mjs";
import { combineRounds, pairedRatio } from "../../scripts/bench/rounds.mjs";
import { LIST_LIMIT, SCENARIOS, SERVERS } from "../../scripts/bench/scenarios.mjs";

// The pure parts of `npm run bench` (the benchmark itself is not part of npm test).

describe("benchmark dataset", () => {
  const dataset = generateDataset();

  it("has the sizes the issue asks for", () => {
    expect(BENCH_SIZES).toEqual({ users: 1_000, markets: 10_000, positions: 100_000 });
    expect(dataset.users).toHaveLength(1_000);
    expect(dataset.markets).toHaveLength(10_000);
    expect(dataset.positions).toHaveLength(100_000);
  });

  it("is the same on every run and differs with the seed", () => {
    const digest = (d: unknown) => createHash("sha256").update(JSON.stringify(d)).digest("hex");
    const small = { users: 50, markets: 300, positions: 2_000 };
    expect(digest(generateDataset(small))).toBe(digest(generateDataset(small)));
    expect(digest(generateDataset({ ...small, seed: 7 }))).not.toBe(digest(generateDataset(small)));
  });

  it("keeps the API's invariants: unique ids, valid references, volume = sum of positions", () => {
    const userIds = new Set(dataset.users.map((u) => u.id));
    const marketIds = new Set(dataset.markets.map((m) => m.id));
    expect(userIds.size).toBe(dataset.users.length);
    expect(marketIds.size).toBe(dataset.markets.length);
    expect(new Set(dataset.positions.map((p) => p.id)).size).toBe(dataset.positions.length);
    const sums = new Map<string, number>();
    const created = new Map(dataset.markets.map((m) => [m.id, m.createdAt]));
    const badPositions = dataset.positions.filter((p) => {
      sums.set(p.marketId, (sums.get(p.marketId) ?? 0) + p.amount);
      return !marketIds.has(p.marketId) || !userIds.has(p.userId) || p.createdAt <= created.get(p.marketId)!;
    });
    expect(badPositions).toEqual([]);
    const badMarkets = dataset.markets.filter(
      (m) => !userIds.has(m.creatorId) || m.volume !== (sums.get(m.id) ?? 0) || !/^[A-Za-z0-9_-]{1,64}$/.test(m.id) || m.name.length < 3,
    );
    expect(badMarkets).toEqual([]);
    expect(dataset.markets.filter((m) => m.status === "active").length).toBeGreaterThan(5_000);
  });

  it("loads through multi-row INSERTs, users before the rows that reference them", () => {
    const small = generateDataset({ users: 30, markets: 70, positions: 260 });
    const statements = insertStatements(small, 25);
    const rows = (table: string) =>
      statements.filter((s) => s.startsWith(`INSERT INTO ${table} `)).reduce((n, s) => n + (s.match(/\),\s*\(/g)?.length ?? 0) + 1, 0);
    expect(statements).toHaveLength(2 + 3 + 11);
    expect(statements[0]).toMatch(/^INSERT INTO users /);
    expect([rows("users"), rows("markets"), rows("positions")]).toEqual([30, 70, 260]);
    expect(statements.findIndex((s) => s.startsWith("INSERT INTO markets"))).toBeLessThan(statements.findIndex((s) => s.startsWith("INSERT INTO positions")));
  });

  it("applies drizzle-kit migrations in file order, split on their breakpoints", () => {
    const statements = migrationStatements([
      { name: "0001_b.sql", sql: "CREATE INDEX b ON t (x);" },
      { name: "0000_a.sql", sql: "CREATE TABLE t (x int);\n--> statement-breakpoint\nCREATE INDEX a ON t (x);\n" },
    ]);
    expect(statements).toEqual(["CREATE TABLE t (x int);", "CREATE INDEX a ON t (x);", "CREATE INDEX b ON t (x);"]);
  });
});

const scenario = (over: Record<string, unknown>) => ({ id: "s", title: "s", errors: 0, ratio: null, d1: null, ...over });

describe("budget checker", () => {
  it("passes a run that meets every budget", () => {
    const checks = checkBudgets({
      bundle: { gzipKiB: MAX_BUNDLE_GZIP_KIB },
      scenarios: [
        scenario({ id: "cached", baseline: "kv", ratio: 0.7, budget: { minRatio: 0.7 } }),
        scenario({ id: "list", baseline: "d1", ratio: 0.9, budget: { minRatio: 0.5, maxRowsRead: 22 }, d1: { statements: 1, rowsRead: 22, rowsWritten: 0 } }),
      ],
    });
    expect(checks.every((c) => c.pass)).toBe(true);
    expect(checks.map((c) => c.name)).toEqual([
      "cached: errors",
      "cached: throughput vs kv",
      "list: errors",
      "list: throughput vs d1",
      "list: D1 rows read per request",
      "bundle size, gzip",
    ]);
  });

  it("fails each broken budget, and any budget whose figure is missing", () => {
    const checks = checkBudgets({
      bundle: { gzipKiB: MAX_BUNDLE_GZIP_KIB + 0.1 },
      scenarios: [
        scenario({ id: "cached", baseline: "kv", ratio: 0.69, errors: 1, budget: { minRatio: 0.7 } }),
        scenario({ id: "list", baseline: "d1", ratio: null, budget: { minRatio: 0.5, maxRowsRead: 22 }, d1: { statements: 1, rowsRead: 42, rowsWritten: 0 } }),
        scenario({ id: "deep", budget: { maxRowsRead: 22 } }),
      ],
    });
    const failed = Object.fromEntries(checks.filter((c) => !c.pass).map((c) => [c.name, c.actual]));
    expect(failed).toEqual({
      "cached: errors": "1",
      "cached: throughput vs kv": "0.69x",
      "list: throughput vs d1": "not measured",
      "list: D1 rows read per request": "42",
      "deep: D1 rows read per request": "not measured",
      "bundle size, gzip": `${(MAX_BUNDLE_GZIP_KIB + 0.1).toFixed(1)} KiB`,
    });
  });
});

describe("paired ratio", () => {
  it("is the median of the per-round ratios, so one disturbed round barely moves it", () => {
    // The scenario's third round hit a slow spell: overall req/s would give 3400 / 4600 = 0.74.
    expect(pairedRatio([1_000, 1_000, 400, 1_000], [1_200, 1_200, 1_200, 1_000])).toEqual({
      ratio: 1_000 / 1_200,
      rounds: [1_000 / 1_200, 1_000 / 1_200, 400 / 1_200, 1],
    });
    expect(pairedRatio([900, 1_000, 1_100], [1_000, 1_000, 1_000])?.ratio).toBe(1);
  });

  it("compares each scenario with its baseline and reference round by round, and reports the CPU it adds", () => {
    const load = (roundsRps: number[], cpuMsPerRequest: number) => ({ rps: roundsRps.reduce((a, b) => a + b) / roundsRps.length, roundsRps, cpuMsPerRequest, statusCounts: {} });
    const measured = [
      { scenario: { id: "kv", title: "kv", server: "bare", expect: [200] }, load: load([1_000, 2_000, 1_000, 1_000], 0.4), errors: 0 },
      { scenario: { id: "ref", title: "ref", server: "bare", expect: [200] }, load: load([500, 1_000, 500, 500], 0.5), errors: 0 },
      { scenario: { id: "cached", title: "c", server: "app", baseline: "kv", reference: "ref", expect: [200] }, load: load([900, 1_200, 100, 800], 0.55), errors: 0 },
      // Three rounds against four: nothing to pair them by.
      { scenario: { id: "odd", title: "o", server: "app", baseline: "kv", expect: [200] }, load: load([900, 900, 900], 0.5), errors: 0 },
      { scenario: { id: "indexing", title: "i", server: "app", baseline: "kv", expect: [200], measure: () => ({}) }, load: { rps: 300, statusCounts: {}, cpuMsPerRequest: null }, errors: 0 },
    ];
    const run = (rtt: object | null) => benchResults({ settings: { durationS: 12, rounds: 4 }, rtt, bundle: { gzipKiB: 1 }, servers: [], measured, meters: {}, traces: {} });
    const byId = Object.fromEntries(run(null).scenarios.map((r: { id: string }) => [r.id, r]));
    // Rounds 0.9, 0.6, 0.1 and 0.8: their median 0.7, not their mean 0.6, nor 3000 / 5000 from the totals.
    expect(byId.cached).toMatchObject({ ratioRounds: [0.9, 0.6, 0.1, 0.8], reference: "ref" });
    expect(byId.cached.ratio).toBeCloseTo(0.7);
    // Against the reference: rounds 1.8, 1.2, 0.2 and 1.6.
    expect(byId.cached.referenceRatio).toBeCloseTo(1.4);
    expect(byId.cached.cpuOverBaselineMs).toBeCloseTo(0.15);
    expect(byId.odd.ratio).toBeNull();
    // Under a latency profile CPU per request is mostly idle time: no CPU figure.
    expect(run({ profile: "far" }).scenarios.find((r: { id: string }) => r.id === "cached")).not.toHaveProperty("cpuOverBaselineMs");
    // A one-off measurement has no rounds to pair: overall req/s, and no CPU figure.
    expect(byId.indexing.ratio).toBeCloseTo(300 / 1_250);
    expect(byId.indexing).not.toHaveProperty("ratioRounds");
    expect(byId.indexing).not.toHaveProperty("cpuOverBaselineMs");
  });

  it("is null when the rounds cannot be paired", () => {
    expect(pairedRatio([1_000, 1_000], [1_000])).toBeNull();
    expect(pairedRatio(undefined, [1_000])).toBeNull();
    expect(pairedRatio([1_000], [0])).toBeNull();
  });

  it("shows the rounds' range beside the ratio in the budget table", () => {
    const [, throughput] = checkBudgets({
      bundle: { gzipKiB: 1 },
      scenarios: [scenario({ id: "cached", baseline: "kv", ratio: 0.86, ratioRounds: [0.9, 0.81, 0.86], budget: { minRatio: 0.85 } })],
    });
    expect(throughput).toMatchObject({ actual: "0.86x (rounds 0.81–0.90)", pass: true });
  });
});

describe("rounds", () => {
  const round = (over: Record<string, unknown>) => ({
    requests: 1_000,
    warmupRequests: 200,
    durationS: 5,
    p50Ms: 2,
    p99Ms: 10,
    statusCounts: { 200: 1_000 },
    connectionErrors: 0,
    timeouts: 0,
    cpuMs: 600,
    ...over,
  });

  it("adds requests, time, statuses and errors; p50 is the median, p99 the worst round", () => {
    const c = combineRounds([
      round({}),
      round({ requests: 2_000, p50Ms: 4, p99Ms: 30, statusCounts: { 200: 1_990, 500: 10 }, timeouts: 1, cpuMs: 1_100, warmupRequests: 300 }),
    ]);
    expect(c).toMatchObject({ requests: 3_000, durationS: 10, rps: 300, roundsRps: [200, 400], p50Ms: 3, p99Ms: 30, timeouts: 1 });
    expect(c.statusCounts).toEqual({ 200: 2_990, 500: 10 });
    expect(c.cpuMsPerRequest).toBeCloseTo(1_700 / 3_500);
    expect(combineRounds([round({ p50Ms: 1 }), round({ p50Ms: 9 }), round({ p50Ms: 3 })]).p50Ms).toBe(3);
  });

  it("reports CPU only when every round measured it", () => {
    expect(combineRounds([round({}), round({ cpuMs: null })]).cpuMsPerRequest).toBeNull();
    expect(() => combineRounds([])).toThrow();
  });
});

describe("results formatter", () => {
  const results = {
    generatedAt: "2026-11-25T12:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, memoryGiB: 24, os: "Linux 6", node: "v24.21.0", workerd: "1.2", miniflare: "5.1", wrangler: "4.1" },
    settings: { loadGenerator: "autocannon 9", connections: 10, durationS: 10, warmupS: 2, dataset: BENCH_SIZES },
    bundle: { rawKiB: 488.2, gzipKiB: 138.4, wranglerReported: "Total Upload: 488.15 KiB / gzip: 138.36 KiB" },
    servers: [{ name: "app", readyMs: 150, firstRequestMs: 30.5, peakRssMiB: 400.25 }],
    scenarios: [
      { id: "bare-kv", title: "bare worker: one KV get", server: "bare-kv", rps: 3712.4, p50Ms: 2, p99Ms: 14, cpuMsPerRequest: 0.25, errors: 0, ratio: null, d1: null },
      { id: "cached", title: "GET cached", server: "app", baseline: "bare-kv", rps: 2600, p50Ms: 3, p99Ms: 20, cpuMsPerRequest: 0.4, errors: 0, ratio: 0.7003, cpuOverBaselineMs: 0.15, d1: { statements: 0, rowsRead: 0, rowsWritten: 0 } },
    ],
    budgets: [
      { name: "cached: throughput vs bare-kv", actual: "0.70x", limit: ">= 0.7x", pass: true },
      { name: "list: D1 rows read per request", actual: "42", limit: "<= 22", pass: false },
    ],
  };

  it("writes the machine, every scenario with its ratio and D1 cost, servers and verdicts", () => {
    const md = formatMarkdown(results);
    expect(md).toContain("Test CPU (2 cores, 24 GiB)");
    expect(md).toContain("Node v24.21.0, workerd 1.2");
    expect(md).toContain("| bare worker: one KV get | bare-kv | 3,712 | 2 | 14 | 0.250 | 0 | – | – | – | – |");
    expect(md).toContain("| GET cached | app | 2,600 | 3 | 20 | 0.400 | 0 | 0.70x bare-kv, +0.150 ms CPU | 0 | 0 | 0 |");
    expect(md).toContain("| app | 150 | 30.5 | 400.3 |");
    expect(md).toContain("| list: D1 rows read per request | 42 | <= 22 | **FAIL** |");
    expect(md).toContain("| cached: throughput vs bare-kv | 0.70x | >= 0.7x | pass |");
  });

  it("replaces only the marked section of a page (where the soak run keeps its table)", () => {
    const markers = { start: "<!-- soak:start -->", end: "<!-- soak:end -->" };
    const page = `# T\n\n## Soak\nintro\n\n${markers.start}\nold table\n${markers.end}\n\n## Next\n`;
    const next = replaceMarkedSection(page, "new table\n", markers);
    expect(next).toBe(`# T\n\n## Soak\nintro\n\n${markers.start}\nnew table\n${markers.end}\n\n## Next\n`);
    expect(replaceMarkedSection(next, "newer\n", markers)).toContain(`${markers.start}\nnewer\n${markers.end}`);
    expect(() => replaceMarkedSection("# no markers", "x", markers)).toThrow(/soak:start/);
  });
});

describe("scenario list", () => {
  const ctx = {
    cachedIds: ["m1", "m2"],
    uncachedIds: ["m3"],
    activeIds: ["m1"],
    tokens: ["t1", "t2"],
    tokenUserIds: ["u1", "u2"],
    runId: "r",
    deepCursor: "c.sig",
  };

  it("is consistent: known servers, baselines listed earlier, budgets on compared scenarios", () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    SCENARIOS.forEach((s, i) => {
      expect(SERVERS, s.id).toHaveProperty(s.server);
      if (s.baseline) expect(ids.slice(0, i), s.id).toContain(s.baseline);
      if ("reference" in s) expect(ids.slice(0, i), s.id).toContain(s.reference);
      if (s.budget?.minRatio !== undefined) expect(s.baseline, s.id).toBeDefined();
      if (s.meter) expect(SERVERS[s.server as keyof typeof SERVERS], s.id).toHaveProperty("metered");
      const requests = s.requests ? s.requests(ctx) : [];
      expect(requests.length > 0 || "measure" in s, s.id).toBe(true);
      for (const r of requests) expect(r.path.startsWith("/"), s.id).toBe(true);
    });
  });

  it("holds the budgets, against the floors that share the API's D1 sessions", () => {
    const scenario = (id: string) => SCENARIOS.find((s) => s.id === id);
    const budget = (id: string) => [scenario(id)?.baseline, scenario(id)?.budget];
    expect(budget("market-cached")).toEqual(["bare-kv", { minRatio: 0.85 }]);
    expect(budget("market-uncached")).toEqual(["bare-d1-session", { minRatio: 0.85 }]);
    expect(budget("list-first")).toEqual(["bare-list-session", { minRatio: 0.85, maxRowsRead: LIST_LIMIT + 2 }]);
    expect(budget("list-deep")).toEqual(["bare-list-session", { minRatio: 0.85, maxRowsRead: LIST_LIMIT + 2 }]);
    expect(budget("market-create")).toEqual(["bare-create-session", { minRatio: 0.5 }]);
    expect(MAX_BUNDLE_GZIP_KIB).toBe(140);
    expect(SCENARIOS.find((s) => s.id === "list-deep")?.requests(ctx)[0]?.path).toContain("cursor=c.sig");
  });
});

describe("budgets under the far latency profile", () => {
  const far = { profile: "far", upstash: 150, primary: 150, replica: 20, kv: 5 };
  it("checks sequential round trips and p50 over the KV round trip, and not throughput", () => {
    const checks = checkBudgets({
      settings: { rtt: far },
      bundle: { gzipKiB: 100 },
      scenarios: [
        scenario({ id: "cached", ratio: 0.1, budget: { minRatio: 0.7 }, far: { maxSequential: 1, p50OverKvMs: 10 }, rtt: { sequential: 1 }, p50Ms: 15 }),
        scenario({ id: "slow", far: { maxSequential: 1, p50OverKvMs: 10 }, rtt: { sequential: 2 }, p50Ms: 16 }),
        scenario({ id: "write", far: { maxSequential: 2 }, rtt: { sequential: null } }),
      ],
    });
    expect(checks.some((c) => c.name.includes("throughput"))).toBe(false);
    const failed = Object.fromEntries(checks.filter((c) => !c.pass).map((c) => [c.name, c.actual]));
    expect(failed).toEqual({
      "slow: sequential round trips (far)": "2",
      "slow: p50 latency (far)": "16 ms",
      "write: sequential round trips (far)": "not measured",
    });
  });

  it("gives every scenario the issue names a far budget", () => {
    const budgeted = SCENARIOS.filter((s) => "far" in s).map((s) => s.id);
    expect(budgeted).toEqual(
      expect.arrayContaining(["market-cached", "market-auth", "market-uncached", "list-first", "market-create", "market-create-keyed", "position-create", "search-hybrid"]),
    );
  });
});
