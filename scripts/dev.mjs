// `npm run dev`: local secret, migrations, demo data, then `wrangler dev` on localhost.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import Redis from "ioredis";
import { ensureDevSecret } from "./dev-vars.mjs";
import { copyDocsAssets } from "./docs-assets.mjs";
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
mkdirSync(".wrangler", { recursive: true });
writeFileSync(".wrangler/seed.sql", seedSql());
run(["d1", "execute", "DB", "--local", "--file", ".wrangler/seed.sql"]);

/** Upstash mode when a Redis answers: the bridge gives the worker the same REST API as production. */
async function rateLimitVars() {
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
  const bridge = await startBridge({ redisUrl, token, port: Number(process.env.BRIDGE_PORT ?? 8079) });
  console.log(`Rate limits: Upstash mode through the local bridge ${bridge.url} -> ${redisUrl}`);
  return ["--var", `UPSTASH_REDIS_REST_URL:${bridge.url}`, "--var", `UPSTASH_REDIS_REST_TOKEN:${token}`];
}

const limiterArgs = await rateLimitVars();
const port = process.env.PORT ?? "8787";
console.log(`\nMarkets API on http://localhost:${port}  (try: curl http://localhost:${port}/api/markets)\n`);
const dev = spawn("wrangler", ["dev", "--port", port, ...persist, ...limiterArgs, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
