import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, "../../..");
const wranglerBin = path.join(root, "node_modules/wrangler/bin/wrangler.js");

/** Runs the project's wrangler (with the Node running the tests) from the repository root. */
export async function wrangler(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [wranglerBin, ...args], {
      cwd: root,
      env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`wrangler ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

/**
 * A local D1 kept in `dir`. `wrangler d1 export --local` has no `--persist-to`: it reads the state
 * next to its configuration file (<config dir>/.wrangler/state). So each database gets a
 * configuration in its own directory with the repository's D1 binding (wrangler.toml: binding DB,
 * database "markets", the migrations directory), and every command names that configuration.
 */
export function localD1(dir: string) {
  const config = path.join(dir, "wrangler.toml");
  writeFileSync(
    config,
    [
      'name = "markets-api"',
      'compatibility_date = "2026-11-01"',
      "[[d1_databases]]",
      'binding = "DB"',
      'database_name = "markets"',
      'database_id = "00000000-0000-0000-0000-000000000000"',
      `migrations_dir = ${JSON.stringify(path.join(root, "migrations"))}`,
      "",
    ].join("\n"),
  );
  const d1 = (args: string[]) => wrangler(["d1", ...args, "--config", config]);
  return {
    dir,
    d1,
    execFile: (file: string) => d1(["execute", "DB", "--local", "--file", file]),
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const out = await d1(["execute", "DB", "--local", "--json", "--command", sql]);
      const parsed = JSON.parse(out) as { results: T[] }[];
      return parsed.flatMap((r) => r.results);
    },
  };
}

/** A local D1 under `persistTo`, used through the repository's own wrangler.toml. */
export function persistedD1(persistTo: string) {
  const d1 = (args: string[]) => wrangler(["d1", ...args, "--local", "--persist-to", persistTo]);
  return {
    d1,
    execFile: (file: string) => d1(["execute", "DB", "--file", file]),
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const parsed = JSON.parse(await d1(["execute", "DB", "--json", "--command", sql])) as { results: T[] }[];
      return parsed.flatMap((r) => r.results);
    },
  };
}
