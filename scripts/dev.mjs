// `npm run dev`: local secret, migrations, demo data, then `wrangler dev` on localhost.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { devVarsPath, ensureDevSecret } from "./dev-vars.mjs";
import { copyDocsAssets } from "./docs-assets.mjs";
import { mintToken } from "./mint-token.mjs";
import { seedSql } from "./seed-data.mjs";
import { startBridge } from "./upstash-bridge.mjs";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };

// PERSIST_DIR keeps a run's local D1/KV/queue state apart (the browser test uses a temp dir).
const persist = process.env.PERSIST_DIR ? ["--persist-to", process.env.PERSIST_DIR] : [];

function run(args) {
  const r = spawnSync("wrangler", [...args, ...persist], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureDevSecret();
copyDocsAssets();
run(["d1", "migrations", "apply", "DB", "--local"]);
// A file of its own per run: two dev servers starting at once must not write the same path.
const seedDir = mkdtempSync(path.join(tmpdir(), "markets-seed-"));
writeFileSync(path.join(seedDir, "seed.sql"), seedSql());
try {
  run(["d1", "execute", "DB", "--local", "--file", path.join(seedDir, "seed.sql")]);
} finally {
  rmSync(seedDir, { recursive: true, force: true });
}

/** Upstash mode when a Redis answers: the bridge gives the worker the same REST API as production. */
async function rateLimitVars(port) {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const probe = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
  } catch {
    console.warn(`\nNo Redis at ${redisUrl}: rate limits use the in-memory limiter (per isolate, local only).\n`);
    return [];
  } finally {
    probe.disconnect();
  }
  const token = randomBytes(24).toString("base64url");
  const bridge = await startBridge({ redisUrl, token, port: Number(process.env.BRIDGE_PORT ?? 0) });
  // Keys named after this instance: other dev servers (or test runs) on the same Redis keep their
  // own budgets instead of spending each other's.
  const prefix = `dev-${port}`;
  console.log(`Rate limits: Upstash mode through the local bridge ${bridge.url} -> ${redisUrl} (keys under "${prefix}:")`);
  return [
    "--var", `UPSTASH_REDIS_REST_URL:${bridge.url}`,
    "--var", `UPSTASH_REDIS_REST_TOKEN:${token}`,
    "--var", `RATE_LIMIT_PREFIX:${prefix}`,
  ];
}

const port = process.env.PORT ?? "8787";
const secrets = process.env.DEV_VARS_FILE ? ["--env-file", devVarsPath()] : [];
const limiterArgs = await rateLimitVars(port);
console.log(`\nMarkets API on http://localhost:${port}  (try: curl http://localhost:${port}/api/markets)\n`);
const dev = spawn("wrangler", ["dev", "--port", port, ...persist, ...secrets, ...limiterArgs, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

/**
 * Makes the demo data searchable by meaning: when markets lack vectors (first run, or data written
 * around the API), asks the running worker for a reindex — the same path production uses, through
 * the local queue. Keyword search needs nothing: the migration's triggers index every insert.
 */
async function indexDemoData() {
  const counts = spawnSync(
    "wrangler",
    ["d1", "execute", "DB", "--local", "--json", "--command", "SELECT (SELECT count(*) FROM markets) AS markets, (SELECT count(*) FROM market_vectors) AS vectors", ...persist],
    { env, encoding: "utf8" },
  );
  const row = counts.status === 0 ? JSON.parse(counts.stdout)[0]?.results?.[0] : undefined;
  if (row && row.vectors >= row.markets) return;
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const token = await mintToken({ sub: "demo-admin", role: "admin", name: "Ada Admin" });
  const res = await fetch(`${base}/api/admin/reindex`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  const body = await res.json().catch(() => ({}));
  if (res.status === 202) console.log(`\nSearch index: ${body.data.count} markets enqueued for embedding (local, lexical: see docs/search-and-indexing.md).\n`);
  else console.warn(`\nSearch index: reindex answered ${res.status}; run it by hand (docs/search-and-indexing.md).\n`);
}
indexDemoData().catch((err) => console.warn(`Search index: could not reindex the demo data (${err.message})`));
