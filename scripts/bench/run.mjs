// `npm run bench [-- --duration 10 --rounds 2 --warmup 2 --connections 10 --only a,b --check]`
// `npm run bench -- --rtt near|far [--rtt-upstash ms --rtt-primary ms --rtt-replica ms --rtt-kv ms]`
//
// Builds the worker as it deploys (wrangler deploy --dry-run), serves it and three bare baseline
// workers in workerd through Miniflare on loopback ports, seeds local D1 deterministically, drives
// each scenario from a separate load process, meters D1 per request in a separate pass, and writes
// bench/results.json and bench/results.md.
// --check exits 1 when a budget is broken. --only runs some scenarios and writes nothing.
// --rtt puts every dependency of the API a round trip away (scripts/bench/workers/latency.js),
// traces each scenario's sequential round trips, checks the profile's budgets and writes
// bench/results-rtt-<profile>.json (bench/results.md shows every results file present).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { unstable_readConfig } from "wrangler";
import { bundleSize } from "../bundle-size.mjs";
import { startRedisServer } from "../redis-server.mjs";
import { startBridge } from "../upstash-bridge.mjs";
import { checkBudgets } from "./budgets.mjs";
import { ROOT, wranglerBuild } from "./build.mjs";
import { combineRounds } from "./rounds.mjs";
import { BENCH_SIZES, generateDataset, insertStatements, migrationStatements } from "./dataset.mjs";
import { formatMarkdown, writeResultsMarkdown } from "./report.mjs";
import { LIST_LIMIT, SCENARIOS, SERVERS } from "./scenarios.mjs";
import { startWorker, workerdVersion } from "./workerd.mjs";
import { METER_HEADER } from "./workers/d1-meter.js";
import { RTT_HEADER } from "./workers/latency.js";

const WORKERS_DIR = path.join(ROOT, "scripts/bench/workers");

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    only: { type: "string" },
    check: { type: "boolean", default: false },
    rtt: { type: "string" },
    "rtt-upstash": { type: "string" },
    "rtt-primary": { type: "string" },
    "rtt-replica": { type: "string" },
    "rtt-kv": { type: "string" },
  },
});
/** Round trips (ms) from a consumer's edge to each dependency; `far` is a consumer far from the data. */
const RTT_PROFILES = {
  local: { upstash: 0, primary: 0, replica: 0, kv: 0 },
  near: { upstash: 5, primary: 5, replica: 5, kv: 2 },
  far: { upstash: 150, primary: 150, replica: 20, kv: 5 },
};
if (args.rtt !== undefined && !(args.rtt in RTT_PROFILES)) throw new Error(`--rtt must be one of ${Object.keys(RTT_PROFILES).join(", ")}`);
const rtt = args.rtt === undefined
  ? null
  : {
      profile: args.rtt,
      ...RTT_PROFILES[args.rtt],
      ...Object.fromEntries(["upstash", "primary", "replica", "kv"].filter((k) => args[`rtt-${k}`] !== undefined).map((k) => [k, Number(args[`rtt-${k}`])])),
    };
// Latency-bound runs measure waiting, not throughput: fewer connections keep the CPU out of it.
if (rtt && args.connections === "10" && !process.argv.includes("--connections")) args.connections = "4";
const settings = { durationS: Number(args.duration), rounds: Number(args.rounds), warmupS: Number(args.warmup), connections: Number(args.connections) };
if (!(settings.rounds >= 1 && settings.durationS > 0)) throw new Error("--rounds must be >= 1 and --duration > 0");
const only = args.only ? new Set(args.only.split(",")) : null;
if (only) for (const id of only) if (!SCENARIOS.some((s) => s.id === id)) throw new Error(`no scenario "${id}"`);

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const version = (pkg) => JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;

// Cloudflare's edge tells the worker who the client is; workerd's own socket does not, so the
// harness adds it (addresses from the documentation range), as the rate limiter keys on it.
const fromEdge = (requests) => requests.map((r, i) => ({ ...r, headers: { "cf-connecting-ip": `203.0.113.${(i % 254) + 1}`, ...r.headers } }));

async function send(base, req) {
  const started = performance.now();
  const res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body });
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
}

function runLoad(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/bench/load.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
    const limit = setTimeout(() => child.kill("SIGKILL"), (job.durationS + job.warmupS + 60) * 1000);
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("exit", (code) => {
      clearTimeout(limit);
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`load generator exited with ${code}`));
    });
    child.stdin.end(JSON.stringify(job));
  });
}

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  return {
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    workerd: workerdVersion(),
    miniflare: version("miniflare"),
    wrangler: version("wrangler"),
  };
}

const stopAll = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "markets-bench-"));
try {
  const config = unstable_readConfig({ config: path.join(ROOT, "wrangler.toml") }, { hideWarnings: true });
  const compatibilityDate = config.compatibility_date;

  log("building the worker as deployed (wrangler deploy --dry-run)");
  const app = wranglerBuild(path.join(tmp, "build/app"));
  const bundle = { ...bundleSize(app.scriptPath), wranglerReported: app.reported };
  const builds = {
    app: app.scriptPath,
    "metered-app": wranglerBuild(path.join(tmp, "build/metered-app"), path.join(WORKERS_DIR, "metered-app.js")).scriptPath,
    ...(rtt ? { "latency-app": wranglerBuild(path.join(tmp, "build/latency-app"), path.join(WORKERS_DIR, "latency-app.js")).scriptPath } : {}),
    "metered-bare-d1": wranglerBuild(path.join(tmp, "build/metered-bare-d1"), path.join(WORKERS_DIR, "metered-bare-d1.js")).scriptPath,
    "bare-const": path.join(WORKERS_DIR, "bare-const.js"),
    "bare-kv": path.join(WORKERS_DIR, "bare-kv.js"),
    "bare-d1": path.join(WORKERS_DIR, "bare-d1.js"),
    "bare-d1-session": path.join(WORKERS_DIR, "bare-d1-session.js"),
    "bare-list-session": path.join(WORKERS_DIR, "bare-list-session.js"),
    "bare-create-session": path.join(WORKERS_DIR, "bare-create-session.js"),
  };
  log(`bundle ${bundle.rawKiB.toFixed(1)} KiB, ${bundle.gzipKiB.toFixed(1)} KiB gzip`);

  // One seeded D1, copied to every server that binds DB.
  const dataset = generateDataset();
  const seedDir = path.join(tmp, "seed");
  {
    const started = performance.now();
    const seeder = await startWorker({ name: "seeder", scriptPath: builds["bare-d1"], compatibilityDate, d1: true, persistDir: seedDir });
    const db = await seeder.mf.getD1Database("DB");
    const migrations = readdirSync(path.join(ROOT, "migrations"))
      .filter((f) => f.endsWith(".sql"))
      .map((name) => ({ name, sql: readFileSync(path.join(ROOT, "migrations", name), "utf8") }));
    for (const s of migrationStatements(migrations)) await db.prepare(s).run();
    const inserts = insertStatements(dataset);
    for (let i = 0; i < inserts.length; i += 40) await db.batch(inserts.slice(i, i + 40).map((s) => db.prepare(s)));
    const counts = await db.prepare("SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM markets) AS markets, (SELECT count(*) FROM positions) AS positions").first();
    for (const k of ["users", "markets", "positions"]) {
      if (counts[k] !== dataset[k].length) throw new Error(`seeded ${counts[k]} ${k}, expected ${dataset[k].length}`);
    }
    await seeder.dispose();
    log(`seeded ${counts.users} users, ${counts.markets} markets, ${counts.positions} positions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const secret = randomBytes(32).toString("base64url");
  const vars = Object.fromEntries(Object.entries(config.vars ?? {}).map(([k, v]) => [k, String(v)]));
  const appBindings = {
    ...vars,
    JWT_SECRET: secret,
    // Generous, so the scenarios measure the limiter's path rather than its 429s.
    RATE_LIMITS: "anonymous=100000000/60s,user=100000000/60s,write=100000000/60s,admin=100000000/60s",
  };
  let upstash = null;
  const needsUpstash = rtt !== null || Object.values(SERVERS).some((s) => s.upstash);
  if (needsUpstash) {
    const redis = await startRedisServer();
    stopAll.push(() => redis.stop());
    const token = randomBytes(24).toString("base64url");
    const bridge = await startBridge({ redisUrl: redis.url, token });
    stopAll.push(() => bridge.close());
    upstash = { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: token };
  }

  const active = dataset.markets.filter((m) => m.status === "active");
  const tokenUsers = dataset.users.slice(2, 52);
  const ctx = {
    cachedIds: dataset.markets.slice(0, 200).map((m) => m.id),
    uncachedIds: dataset.markets.filter((_, i) => i % 5 === 0).map((m) => m.id),
    // Writes go to other markets than the cached reads, so a write round never empties their cache.
    activeIds: active.slice(-500).map((m) => m.id),
    tokens: await Promise.all(
      tokenUsers.map((u) => {
        const jwt = new SignJWT({ role: u.role, name: u.displayName, email: u.email }).setProtectedHeader({ alg: "HS256" }).setSubject(u.id).setIssuedAt().setExpirationTime("3h");
        if (vars.JWT_ISSUER) jwt.setIssuer(vars.JWT_ISSUER);
        if (vars.JWT_AUDIENCE) jwt.setAudience(vars.JWT_AUDIENCE);
        return jwt.sign(new TextEncoder().encode(secret));
      }),
    ),
    tokenUserIds: tokenUsers.map((u) => u.id),
    deepCursor: "",
    // Distinguishes this run's Idempotency-Keys from any earlier run's on the same data.
    runId: randomBytes(6).toString("hex"),
    // The dataset's admin (bench-user-0001), for the reindex that builds the search index.
    adminToken: await (() => {
      const admin = dataset.users[0];
      const jwt = new SignJWT({ role: "admin", name: admin.displayName }).setProtectedHeader({ alg: "HS256" }).setSubject(admin.id).setIssuedAt().setExpirationTime("3h");
      if (vars.JWT_ISSUER) jwt.setIssuer(vars.JWT_ISSUER);
      if (vars.JWT_AUDIENCE) jwt.setAudience(vars.JWT_AUDIENCE);
      return jwt.sign(new TextEncoder().encode(secret));
    })(),
  };

  const scenarios = SCENARIOS.filter((s) => !only || only.has(s.id) || SCENARIOS.some((o) => only.has(o.id) && o.baseline === s.id));
  const serverNames = [...new Set(scenarios.map((s) => s.server))];

  let copies = 0;
  async function serve(name, script) {
    const def = SERVERS[name];
    const persistDir = path.join(tmp, `data-${copies++}-${name}`);
    if (def.d1) cpSync(seedDir, persistDir, { recursive: true });
    // Under a latency profile every API server is production's shape (Upstash through the bridge)
    // with its dependencies a round trip away.
    const distant = rtt !== null && def.app && script === def.script;
    const server = await startWorker({
      name,
      scriptPath: builds[distant ? "latency-app" : script],
      compatibilityDate,
      bindings: def.app
        ? {
            ...appBindings,
            ...(def.vars ?? {}),
            ...(def.upstash || distant ? upstash : {}),
            ...(distant ? { BENCH_RTT: JSON.stringify(rtt), BENCH_UPSTASH_URL: upstash.UPSTASH_REDIS_REST_URL } : {}),
          }
        : {},
      d1: Boolean(def.d1),
      kvBinding: def.kv,
      // The API's index-job queue and its consumers, as wrangler.toml declares them.
      ...(def.app ? { queues: config.queues } : {}),
      persistDir,
    });
    stopAll.push(() => server.dispose());
    if (name === "bare-kv") {
      // The same documents the API caches, under the ids the cached scenarios read.
      const kv = await server.mf.getKVNamespace("KV");
      for (const m of dataset.markets.slice(0, 200)) await kv.put(m.id, JSON.stringify({ success: true, data: m }));
    }
    return server;
  }
  const probePath = (name) => (SERVERS[name].app ? "/health" : name === "bare-kv" ? `/${ctx.cachedIds[0]}` : name.startsWith("bare-d1") ? `/${ctx.uncachedIds[0]}` : "/");

  const servers = {};
  for (const name of serverNames) {
    servers[name] = await serve(name, SERVERS[name].script);
    const first = await send(servers[name].url, { method: "GET", path: probePath(name) });
    if (!first.res.ok) throw new Error(`${name}: ${probePath(name)} answered ${first.res.status}: ${first.body}`);
    servers[name].firstRequestMs = first.ms;
    log(`${name} ready in ${servers[name].readyMs.toFixed(0)} ms on ${servers[name].url} (pid ${servers[name].pid})`);
  }

  const listServer = servers["app-nocache"] ?? Object.values(servers).find((s) => SERVERS[s.name].app);
  if (listServer && scenarios.some((s) => s.id === "list-deep")) {
    // The real cursor after 4 000 rows, obtained by paging as a client does.
    let cursor = "";
    let seen = 0;
    while (seen < 4_000) {
      const { res, body } = await send(listServer.url, { method: "GET", path: `/api/markets?sort=volume&order=desc&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` });
      if (res.status !== 200) throw new Error(`paging for the deep cursor: ${res.status} ${body}`);
      const page = JSON.parse(body);
      seen += page.data.length;
      cursor = page.meta.nextCursor;
    }
    ctx.deepCursor = cursor;
  }

  async function prepare(server, scenario, requests) {
    if (scenario.warm) {
      for (const req of requests) await send(server.url, req);
      await sleep(300); // cache fills run after the response (waitUntil)
    }
    for (const req of requests.slice(0, 3)) {
      const { res, body } = await send(server.url, req);
      if (!scenario.expect.includes(res.status)) throw new Error(`${scenario.id}: ${req.method} ${req.path} answered ${res.status}: ${body.slice(0, 300)}`);
      const v = scenario.verify;
      const value = v ? res.headers.get(v.header) : null;
      if (v && (v.absent ? value !== null : v.value ? value !== v.value : value === null)) {
        throw new Error(`${scenario.id}: header ${v.header} is ${JSON.stringify(value)}, expected ${v.absent ? "none" : JSON.stringify(v.value ?? "present")}`);
      }
    }
  }

  // Every round runs every scenario once (each right after its baseline), rounds interleave.
  const perRound = settings.durationS / settings.rounds;
  const rounds = new Map(scenarios.map((s) => [s.id, []]));
  const requestsOf = new Map(scenarios.filter((s) => s.requests).map((s) => [s.id, fromEdge(s.requests(ctx))]));
  const custom = new Map();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const scenario of scenarios) {
      const server = servers[scenario.server];
      if (scenario.measure) {
        // A measurement that is not a request loop (e.g. indexing throughput): run once.
        if (round === 1) custom.set(scenario.id, await scenario.measure({ ...ctx, server, servers, dataset, durationS: settings.durationS, send }));
        continue;
      }
      const requests = requestsOf.get(scenario.id);
      await prepare(server, scenario, requests);
      const cpuBefore = server.cpuTimeMs();
      const r = await runLoad({ url: server.url, requests, durationS: perRound, warmupS: settings.warmupS, connections: settings.connections });
      const cpuAfter = server.cpuTimeMs();
      // workerd's CPU (every thread: the worker, and the local D1/KV simulators it hosts).
      r.cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      rounds.get(scenario.id).push(r);
      log(`round ${round}/${settings.rounds} ${scenario.id}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, status ${JSON.stringify(r.statusCounts)}`);
    }
  }
  const measured = scenarios.map((scenario) => {
    if (scenario.measure) {
      const m = custom.get(scenario.id);
      return { scenario, load: { p50Ms: null, p99Ms: null, cpuMsPerRequest: null, requests: null, statusCounts: {}, ...m }, errors: m.errors ?? 0 };
    }
    const load = combineRounds(rounds.get(scenario.id));
    const unexpected = Object.entries(load.statusCounts).filter(([code]) => !scenario.expect.includes(Number(code))).reduce((n, [, c]) => n + c, 0);
    return { scenario, load, errors: unexpected + load.connectionErrors + load.timeouts };
  });

  const serverResults = serverNames.map((name) => ({
    name,
    readyMs: servers[name].readyMs,
    firstRequestMs: servers[name].firstRequestMs,
    peakRssMiB: servers[name].peakRssMiB(),
  }));

  // Critical paths under the latency profile: one request at a time, each response's trace.
  const traces = {};
  if (rtt) {
    for (const scenario of scenarios.filter((s) => s.requests && SERVERS[s.server].app)) {
      const server = servers[scenario.server];
      const requests = fromEdge(scenario.tracedRequests?.(ctx) ?? scenario.requests(ctx));
      await prepare(server, scenario, requests);
      const samples = [];
      // Five requests after the three prepare() sent (cycled for a scenario of fewer).
      for (const req of Array.from({ length: 5 }, (_, i) => requests[(3 + i) % requests.length])) {
        const { res } = await send(server.url, req);
        samples.push(JSON.parse(res.headers.get(RTT_HEADER) ?? "null"));
        await sleep(Math.max(rtt.upstash, rtt.primary) + 20); // its background work ends before the next starts
      }
      const worst = samples.reduce((a, b) => ((b?.sequential ?? 0) > (a?.sequential ?? 0) ? b : a));
      traces[scenario.id] = { sequential: worst?.sequential ?? null, calls: worst?.calls ?? [], samples: samples.length };
      log(`${scenario.id}: ${worst?.sequential} sequential round trip(s): ${worst?.calls.join(" -> ")}`);
    }
  }

  // D1 metering: the same source with a metering wrapper, one request at a time, fresh data copies.
  // Not under a latency profile: rows and statements do not depend on distance.
  const meters = {};
  const meteredScenarios = rtt ? [] : scenarios.filter((s) => s.meter && s.requests);
  for (const name of [...new Set(meteredScenarios.map((s) => s.server))]) {
    const metered = await serve(name, SERVERS[name].metered);
    const setUp = new Set();
    for (const scenario of meteredScenarios.filter((s) => s.server === name)) {
      if (scenario.setup && !setUp.has(scenario.setup)) {
        setUp.add(scenario.setup);
        await scenario.setup({ ...ctx, server: metered, send });
      }
      const requests = fromEdge(scenario.requests(ctx));
      if (scenario.warm) {
        for (const req of requests) await send(metered.url, req);
        await sleep(300);
      }
      const samples = [];
      for (const req of requests.slice(0, 5)) {
        const { res, body } = await send(metered.url, req);
        if (!scenario.expect.includes(res.status)) throw new Error(`${scenario.id} (metered): ${res.status} ${body.slice(0, 300)}`);
        samples.push(JSON.parse(res.headers.get(METER_HEADER)));
      }
      meters[scenario.id] = {
        statements: Math.max(...samples.map((s) => s.statements)),
        rowsRead: Math.max(...samples.map((s) => s.rowsRead)),
        rowsWritten: Math.max(...samples.map((s) => s.rowsWritten)),
        unmetered: Math.max(...samples.map((s) => s.unmetered)),
        samples: samples.length,
      };
    }
  }

  const rpsById = Object.fromEntries(measured.map((m) => [m.scenario.id, m.load.rps]));
  const results = {
    generatedAt: new Date().toISOString(),
    machine: machine(),
    settings: { ...settings, loadGenerator: `autocannon ${version("autocannon")}`, dataset: BENCH_SIZES, listLimit: LIST_LIMIT, ...(rtt ? { rtt } : {}) },
    bundle,
    servers: serverResults,
    scenarios: measured.map(({ scenario: s, load, errors }) => ({
      id: s.id,
      title: s.title,
      server: s.server,
      ...(s.baseline ? { baseline: s.baseline } : {}),
      expect: s.expect,
      rps: load.rps,
      roundsRps: load.roundsRps,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      cpuMsPerRequest: load.cpuMsPerRequest,
      requests: load.requests,
      statusCounts: load.statusCounts,
      errors,
      ratio: s.baseline && rpsById[s.baseline] ? load.rps / rpsById[s.baseline] : null,
      // As information: the ratio to the plain bare worker the budget used to be set against.
      ...(s.reference ? { reference: s.reference, referenceRatio: rpsById[s.reference] ? load.rps / rpsById[s.reference] : null } : {}),
      ...(s.budget ? { budget: s.budget } : {}),
      ...(rtt && s.far ? { far: s.far } : {}),
      d1: meters[s.id] ?? load.d1 ?? null,
      ...(traces[s.id] ? { rtt: traces[s.id] } : {}),
    })),
  };
  results.budgets = checkBudgets(results);

  const markdown = formatMarkdown(results);
  process.stdout.write(`\n${markdown}\n`);
  if (!only) {
    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    const file = rtt && rtt.profile !== "local" ? `bench/results-rtt-${rtt.profile}.json` : "bench/results.json";
    writeFileSync(path.join(ROOT, file), `${JSON.stringify(results, null, 2)}\n`);
    writeResultsMarkdown(path.join(ROOT, "bench"));
    log(`wrote ${file} and bench/results.md`);
  }
  const failed = results.budgets.filter((b) => !b.pass);
  if (failed.length) log(`${failed.length} budget(s) broken: ${failed.map((b) => `${b.name} (${b.actual}, limit ${b.limit})`).join("; ")}`);
  if (args.check && failed.length) process.exitCode = 1;
} finally {
  for (const stop of stopAll.reverse()) await stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}
