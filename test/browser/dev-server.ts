import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A free loopback port, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running `npm run dev` (scripts/dev.mjs) on its own port with its own local state. */
export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the project's dev server exactly as `npm run dev` does (migrations, seed, wrangler dev),
 * with state in a temp dir, and resolves once /health answers 200.
 */
export async function startDevServer(root: string, timeoutMs = 150_000): Promise<DevServer> {
  const [port, bridgePort] = [await freePort(), await freePort()];
  const persist = mkdtempSync(path.join(tmpdir(), "markets-dev-"));
  let log = "";
  const child: ChildProcess = spawn("npm", ["run", "dev"], {
    cwd: root,
    detached: true, // its own process group, so stop() also ends wrangler and workerd
    env: { ...process.env, PORT: String(port), BRIDGE_PORT: String(bridgePort), PERSIST_DIR: persist, CI: "true" },
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
  };

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) return { url, output: () => log, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm run dev did not become healthy on ${url}:\n${log.slice(-4000)}`);
}
