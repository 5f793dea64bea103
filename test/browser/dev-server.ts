import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startRedisServer } from "../setup/redis-server";

/** A running `npm run dev` (scripts/dev.mjs) on its own port with its own local state. */
export interface DevServer {
  url: string;
  /** The private Redis its rate limiter counts in. */
  redisUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the project's dev server exactly as `npm run dev` does (migrations, seed, wrangler dev),
 * and resolves once /health answers 200. Nothing is shared with anything else on the machine:
 * its own port, its own D1/KV/queue state in a temp dir, and its own redis-server (never the
 * machine's 127.0.0.1:6379, where other dev servers count their budgets).
 */
export async function startDevServer(root: string, timeoutMs = 150_000): Promise<DevServer> {
  const port = await freePort();
  const redis = await startRedisServer();
  const persist = mkdtempSync(path.join(tmpdir(), "markets-dev-"));
  let log = "";
  const child: ChildProcess = spawn("npm", ["run", "dev"], {
    cwd: root,
    detached: true, // its own process group, so stop() also ends wrangler and workerd
    env: { ...process.env, PORT: String(port), REDIS_URL: redis.url, PERSIST_DIR: persist, DEV_VARS_FILE: path.join(persist, ".dev.vars"), CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(persist, { recursive: true, force: true });
    await redis.stop();
  };

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) return { url, redisUrl: redis.url, output: () => log, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm run dev did not become healthy on ${url}:\n${log.slice(-4000)}`);
}
