// Serving a built worker in workerd through Miniflare's programmatic API, plus what the harness
// reads about the workerd process. Load goes to a socket workerd binds for the worker itself
// (Miniflare's unsafeDirectSockets): neither wrangler dev's proxy nor Miniflare's own entry worker
// sits in between. Measured here for a constant response: ~23 000 req/s direct, ~6 700 through
// Miniflare's entry worker (which adds dev conveniences: cf object, pretty errors, request logs).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions } from "miniflare";
import { freePort } from "../redis-server.mjs";

/** Every benchmark worker binds these ids, so a copied persistence directory is the same data. */
export const D1_ID = "bench-markets";
export const KV_ID = "bench-cache";

const workerdChildren = () => {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && comm.startsWith("workerd")) pids.push(Number(entry));
    } catch {
      // the process ended between readdir and read
    }
  }
  return pids;
};

/**
 * Peak resident set size of a process (VmHWM), in MiB; null when it cannot be read.
 * @param {number | undefined} pid
 */
export function peakRssMiB(pid) {
  if (!pid) return null;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far (user + system), in ms; null when it cannot be read.
 * @param {number | undefined} pid
 */
export function cpuTimeMs(pid) {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime (fields 14 and 15 of stat) are in clock ticks, 100 per second on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The workerd version Miniflare runs (its own dependency, which may differ from others'). */
export function workerdVersion() {
  const fromMiniflare = createRequire(createRequire(import.meta.url).resolve("miniflare"));
  return JSON.parse(readFileSync(fromMiniflare.resolve("workerd/package.json"), "utf8")).version;
}

/** Miniflare's queue options from wrangler's queue configuration. */
function queueOptions({ producers = [], consumers = [] }) {
  return {
    queueProducers: Object.fromEntries(producers.map((p) => [p.binding, { queueName: p.queue }])),
    queueConsumers: Object.fromEntries(
      consumers.map((c) => [
        c.queue,
        {
          ...(c.max_batch_size === undefined ? {} : { maxBatchSize: c.max_batch_size }),
          ...(c.max_batch_timeout === undefined ? {} : { maxBatchTimeout: c.max_batch_timeout }),
          ...(c.max_retries === undefined ? {} : { maxRetries: c.max_retries }),
          ...(c.dead_letter_queue === undefined ? {} : { deadLetterQueue: c.dead_letter_queue }),
        },
      ]),
    ),
  };
}

/**
 * Starts one worker in its own workerd process on 127.0.0.1:<free port>.
 *
 * @param {object} options
 * @param {string} options.name
 * @param {string} options.scriptPath built ES module (wrangler's output or a plain .js file)
 * @param {string} options.compatibilityDate
 * @param {Record<string, string>} [options.bindings] vars and secrets
 * @param {boolean} [options.d1] bind DB
 * @param {string} [options.kvBinding] bind KV under this name
 * @param {{ producers?: { binding: string, queue: string }[], consumers?: { queue: string, max_batch_size?: number, max_batch_timeout?: number, max_retries?: number, dead_letter_queue?: string }[] }} [options.queues]
 *   wrangler.toml's queues (local queues, consumed by this same worker)
 * @param {string} options.persistDir D1/KV data lives here (a temp dir)
 * @param {(line: string) => void} [options.onLog] the worker's console output
 * @example const server = await startWorker({ name: "app", scriptPath: "dist/index.js", ... });
 */
export async function startWorker({ name, scriptPath, compatibilityDate, bindings = {}, d1 = false, kvBinding, queues, persistDir, onLog, inspectorPort }) {
  const before = new Set(workerdChildren());
  const [port, directPort] = [await freePort(), await freePort()];
  const started = performance.now();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name,
      modules: true,
      scriptPath,
      modulesRoot: path.dirname(scriptPath),
      compatibilityDate,
      bindings,
      ...(d1 ? { d1Databases: { DB: D1_ID } } : {}),
      ...(kvBinding ? { kvNamespaces: { [kvBinding]: KV_ID } } : {}),
      ...(queues ? queueOptions(queues) : {}),
      resourcePersistencePath: persistDir,
      host: "127.0.0.1",
      port,
      unsafeDirectSockets: [{ host: "127.0.0.1", port: directPort }],
      // A fixed placeholder instead of fetching a real cf object from the network.
      cf: false,
      log: new Log(LogLevel.WARN),
      logRequests: false,
      ...(inspectorPort ? { inspectorPort } : {}),
      handleStructuredLogs: onLog ? (entry) => onLog(entry.message) : () => {},
    }),
  );
  await mf.ready;
  const readyMs = performance.now() - started;
  const url = await mf.unsafeGetDirectURL(name);
  const pid = workerdChildren().find((p) => !before.has(p));
  return {
    name,
    url: url.origin,
    pid,
    readyMs,
    mf,
    peakRssMiB: () => peakRssMiB(pid),
    cpuTimeMs: () => cpuTimeMs(pid),
    dispose: () => mf.dispose(),
  };
}
