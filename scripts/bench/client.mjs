// The harness's side of HTTP: single requests it checks, and the separate load process.
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "./build.mjs";

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Cloudflare's edge tells the worker who the client is; workerd's own socket does not, so the
// harness adds it (addresses from the documentation range), as the rate limiter keys on it.
/**
 * The requests as they arrive from Cloudflare's edge (with a client address).
 * @param {{ headers?: Record<string, string> }[]} requests
 */
export const fromEdge = (requests) => requests.map((r, i) => ({ ...r, headers: { "cf-connecting-ip": `203.0.113.${(i % 254) + 1}`, ...r.headers } }));

/**
 * One request, its whole body read, and how long it took.
 * @param {string} base
 * @param {{ method: string, path: string, headers?: Record<string, string>, body?: string }} req
 */
export async function send(base, req) {
  const started = performance.now();
  const res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body });
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
}

/**
 * Warms the server when the scenario wants it, then checks the scenario's first requests answer
 * as it expects (status and header), so a load round never measures errors.
 */
export async function prepare(server, scenario, requests) {
  if (scenario.warm) {
    for (const req of requests) await send(server.url, req);
    await sleep(300); // cache fills run after the response (waitUntil)
  }
  for (const req of requests.slice(0, 3)) {
    const { res, body } = await send(server.url, req);
    if (!scenario.expect.includes(res.status)) throw new Error(`${scenario.id}: ${req.method} ${req.path} answered ${res.status}: ${body.slice(0, 300)}`);
    const v = scenario.verify;
    const value = v ? res.headers.get(v.header) : null;
    if (v && (v.absent ? value !== null : v.value ? value !== v.value : value === null)) {
      throw new Error(`${scenario.id}: header ${v.header} is ${JSON.stringify(value)}, expected ${v.absent ? "none" : JSON.stringify(v.value ?? "present")}`);
    }
  }
}

/**
 * One load round from a separate process (scripts/bench/load.mjs), so the harness's own work
 * never competes with the load generator.
 * @param {{ url: string, requests: object[], durationS: number, warmupS: number, connections: number }} job
 */
export function runLoad(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/bench/load.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
    const limit = setTimeout(() => child.kill("SIGKILL"), (job.durationS + job.warmupS + 60) * 1000);
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("exit", (code) => {
      clearTimeout(limit);
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`load generator exited with ${code}`));
    });
    child.stdin.end(JSON.stringify(job));
  });
}
