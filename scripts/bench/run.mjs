// `npm run bench [-- --duration 12 --rounds 4 --warmup 2 --connections 10 --only a,b --check]`
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
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { unstable_readConfig } from "wrangler";
import { bundleSize } from "../bundle-size.mjs";
import { buildWorkers, ROOT } from "./build.mjs";
import { findDeepCursor, scenarioContext } from "./context.mjs";
import { generateDataset } from "./dataset.mjs";
import { meterD1 } from "./metering.mjs";
import { benchOptions } from "./options.mjs";
import { formatMarkdown } from "./report.mjs";
import { benchResults, writeResults } from "./results.mjs";
import { SCENARIOS, SERVERS } from "./scenarios.mjs";
import { seedD1 } from "./seed.mjs";
import { probe, serverStarter, startUpstash } from "./servers.mjs";
import { measureThroughput } from "./throughput.mjs";
import { traceRoundTrips } from "./traces.mjs";

const { check, only, rtt, settings } = benchOptions(process.argv.slice(2));
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

const stopAll = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "markets-bench-"));
try {
  const config = unstable_readConfig({ config: path.join(ROOT, "wrangler.toml") }, { hideWarnings: true });
  const compatibilityDate = config.compatibility_date;

  log("building the worker as deployed (wrangler deploy --dry-run)");
  const { app, scripts } = buildWorkers(path.join(tmp, "build"), { latency: rtt !== null });
  const bundle = { ...bundleSize(app.scriptPath), wranglerReported: app.reported };
  log(`bundle ${bundle.rawKiB.toFixed(1)} KiB, ${bundle.gzipKiB.toFixed(1)} KiB gzip`);

  // One seeded D1, copied to every server that binds DB.
  const dataset = generateDataset();
  const seedDir = path.join(tmp, "seed");
  const seedStarted = performance.now();
  const counts = await seedD1({ persistDir: seedDir, scriptPath: scripts["bare-d1"], compatibilityDate, dataset });
  log(`seeded ${counts.users} users, ${counts.markets} markets, ${counts.positions} positions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const secret = randomBytes(32).toString("base64url");
  const vars = Object.fromEntries(Object.entries(config.vars ?? {}).map(([k, v]) => [k, String(v)]));
  const appBindings = {
    ...vars,
    JWT_SECRET: secret,
    // Generous, so the scenarios measure the limiter's path rather than its 429s.
    RATE_LIMITS: "anonymous=100000000/60s,user=100000000/60s,write=100000000/60s,admin=100000000/60s",
  };
  const needsUpstash = rtt !== null || Object.values(SERVERS).some((s) => s.upstash);
  const upstash = needsUpstash ? await startUpstash(stopAll) : null;
  const ctx = await scenarioContext(dataset, { secret, vars });

  const scenarios = SCENARIOS.filter((s) => !only || only.has(s.id) || SCENARIOS.some((o) => only.has(o.id) && (o.baseline === s.id || o.reference === s.id)));
  const serverNames = [...new Set(scenarios.map((s) => s.server))];
  const serve = serverStarter({ tmp, seedDir, scripts, compatibilityDate, config, appBindings, upstash, rtt, dataset, stopAll });

  const servers = {};
  for (const name of serverNames) {
    servers[name] = await serve(name, SERVERS[name].script);
    await probe(servers[name], ctx);
    log(`${name} ready in ${servers[name].readyMs.toFixed(0)} ms on ${servers[name].url} (pid ${servers[name].pid})`);
  }
  const listServer = servers["app-nocache"] ?? Object.values(servers).find((s) => SERVERS[s.name].app);
  if (listServer && scenarios.some((s) => s.id === "list-deep")) ctx.deepCursor = await findDeepCursor(listServer.url);

  const measured = await measureThroughput({ scenarios, servers, ctx, dataset, settings, log });
  const serverResults = serverNames.map((name) => ({
    name,
    readyMs: servers[name].readyMs,
    firstRequestMs: servers[name].firstRequestMs,
    peakRssMiB: servers[name].peakRssMiB(),
  }));
  const traces = rtt ? await traceRoundTrips({ scenarios, servers, ctx, rtt, log }) : {};
  // Not under a latency profile: rows and statements do not depend on distance.
  const meters = await meterD1({ scenarios: rtt ? [] : scenarios, ctx, serve });

  const results = benchResults({ settings, rtt, bundle, servers: serverResults, measured, meters, traces });
  process.stdout.write(`\n${formatMarkdown(results)}\n`);
  if (!only) log(`wrote ${writeResults(results, rtt)} and bench/results.md`);
  const failed = results.budgets.filter((b) => !b.pass);
  if (failed.length) log(`${failed.length} budget(s) broken: ${failed.map((b) => `${b.name} (${b.actual}, limit ${b.limit})`).join("; ")}`);
  if (check && failed.length) process.exitCode = 1;
} finally {
  for (const stop of stopAll.reverse()) await stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}
