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
