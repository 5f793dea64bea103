// A private redis-server for tests and benchmarks: free loopback port, persistence off.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

/**
 * A free loopback TCP port (the OS picks it).
 * @returns {Promise<number>}
 */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * Starts a private redis-server on a free loopback port with persistence off, so runs never share
 * state with each other or with a Redis already on the machine.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 * @example const redis = await startRedisServer(); ...; await redis.stop();
 */
export async function startRedisServer() {
  if (spawnSync("redis-server", ["--version"]).error) {
    throw new Error(
      "redis-server is not installed; the rate-limit tests need a real Redis. Install it with `apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).",
    );
  }
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
