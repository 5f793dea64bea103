// Building a worker as it deploys, for the benchmark and the soak run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `wrangler deploy --dry-run --outdir` of the entry (wrangler.toml's main unless given).
 * @param {string} outdir
 * @param {string} [entry]
 * @returns {{ scriptPath: string, reported: string }} the built module and wrangler's size line
 */
export function wranglerBuild(outdir, entry) {
  const r = spawnSync("wrangler", ["deploy", "--dry-run", "--outdir", outdir, ...(entry ? [entry] : [])], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  });
  if (r.status !== 0) throw new Error(`wrangler build failed:\n${r.stdout}\n${r.stderr}`);
  const reported = /Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/.exec(`${r.stdout}\n${r.stderr}`)?.[0] ?? "";
  const file = readdirSync(outdir).find((f) => f.endsWith(".js"));
  if (!file) throw new Error(`wrangler wrote no .js into ${outdir}`);
  return { scriptPath: path.join(outdir, file), reported };
}

const WORKERS_DIR = path.join(ROOT, "scripts/bench/workers");

/**
 * Every script the benchmark serves, by name (SERVERS' `script` and `metered`): the API built as
 * it deploys, its metered (and, under a latency profile, distant) builds, and the bare baselines.
 * @param {string} dir where the builds go
 * @param {{ latency: boolean }} options whether to build the API with its dependencies a round trip away
 */
export function buildWorkers(dir, { latency }) {
  const app = wranglerBuild(path.join(dir, "app"));
  const scripts = {
    app: app.scriptPath,
    "metered-app": wranglerBuild(path.join(dir, "metered-app"), path.join(WORKERS_DIR, "metered-app.js")).scriptPath,
    ...(latency ? { "latency-app": wranglerBuild(path.join(dir, "latency-app"), path.join(WORKERS_DIR, "latency-app.js")).scriptPath } : {}),
    "metered-bare-d1": wranglerBuild(path.join(dir, "metered-bare-d1"), path.join(WORKERS_DIR, "metered-bare-d1.js")).scriptPath,
    "bare-const": path.join(WORKERS_DIR, "bare-const.js"),
    "bare-kv": path.join(WORKERS_DIR, "bare-kv.js"),
    "bare-hono-kv": wranglerBuild(path.join(dir, "bare-hono-kv"), path.join(WORKERS_DIR, "bare-hono-kv.js")).scriptPath,
    "bare-d1": path.join(WORKERS_DIR, "bare-d1.js"),
    "bare-d1-session": path.join(WORKERS_DIR, "bare-d1-session.js"),
    "bare-list-session": path.join(WORKERS_DIR, "bare-list-session.js"),
    "bare-create-session": path.join(WORKERS_DIR, "bare-create-session.js"),
  };
  return { app, scripts };
}
