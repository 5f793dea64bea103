// `npm run test:isolation`: runs `npm test` while another `npm run dev` on this machine hammers the
// machine's own Redis (127.0.0.1:6379 unless REDIS_URL says otherwise) past its rate limits. The
// suite must pass all the same: nothing it starts shares a port, a state directory or a Redis key
// with that server. Exits with the suite's status (1 also when the hammer never reached a 429,
// since then the check proved nothing).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./redis-server.mjs";

const port = await freePort();
const persist = mkdtempSync(path.join(tmpdir(), "markets-isolation-"));
const dev = spawn("npm", ["run", "dev"], {
  detached: true,
  env: { ...process.env, PORT: String(port), PERSIST_DIR: persist, CI: "true" },
  stdio: ["ignore", "pipe", "pipe"],
});
let devLog = "";
dev.stdout.on("data", (d) => (devLog += d));
dev.stderr.on("data", (d) => (devLog += d));
const stopDev = () => {
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(persist, { recursive: true, force: true });
};

const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (i > 300 || dev.exitCode !== null) {
    stopDev();
    console.error(`npm run dev did not start:\n${devLog.slice(-3000)}`);
    process.exit(1);
  }
  if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 500));
}
if (!devLog.includes("Upstash mode")) console.warn("warning: the dev server found no Redis; the check runs without one");

const statuses = {};
let hammering = true;
const hammer = async () => {
  while (hammering) {
    const status = await fetch(`${base}/api/markets?limit=1`).then((r) => (r.body?.cancel(), r.status), () => "error");
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
};
const workers = [hammer(), hammer()];
const started = Date.now();
console.log(`hammering ${base} (its limiter counts in the machine's Redis) while npm test runs`);
const test = spawn("npm", ["test"], { stdio: "inherit", env: { ...process.env } });
const code = await new Promise((resolve) => test.on("exit", (c) => resolve(c ?? 1)));
hammering = false;
await Promise.all(workers);
stopDev();

console.log(`\nisolation check: npm test exited ${code} after ${Math.round((Date.now() - started) / 1000)} s; the other dev server answered ${JSON.stringify(statuses)}`);
if (!statuses[429]) {
  console.error("the other dev server never answered 429: its budget was not spent, so this run proved nothing");
  process.exit(1);
}
process.exit(code);
