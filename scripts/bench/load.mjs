// The load generator, run as its own process so it never shares an event loop with the harness:
// reads one job as JSON on stdin, drives it with autocannon (warm-up first, discarded), prints the
// measurement as JSON on stdout. Loopback targets only; every run is bounded in time.
import autocannon from "autocannon";

/**
 * @typedef {object} LoadJob
 * @property {string} url origin of the server, e.g. http://127.0.0.1:40123
 * @property {{ method: string, path: string, headers?: Record<string, string>, body?: string }[]} requests cycled per connection
 * @property {number} durationS
 * @property {number} warmupS
 * @property {number} connections
 */

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/;

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });

/** @param {LoadJob} job */
async function drive(job) {
  if (!LOOPBACK.test(job.url)) throw new Error(`refusing to load a non-loopback address: ${job.url}`);
  // `[<id>]` in a request (e.g. an Idempotency-Key) becomes an id unique to each send.
  const idReplacement = JSON.stringify(job.requests).includes("[<id>]");
  const base = { url: job.url, connections: job.connections, requests: job.requests, timeout: 10, idReplacement };
  const warm = job.warmupS > 0 ? await run({ ...base, duration: job.warmupS }) : null;
  const r = await run({ ...base, duration: job.durationS });
  const statusCounts = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    requests: r.requests.total,
    // Responses in the discarded warm-up, so CPU measured over the whole job can be divided fairly.
    warmupRequests: warm ? warm.requests.total : 0,
    durationS: r.duration,
    rps: r.requests.total / r.duration,
    // Latency of 2xx responses, in ms (autocannon's histogram resolution is 1 ms).
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    statusCounts,
    connectionErrors: r.errors,
    timeouts: r.timeouts,
  };
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(`${JSON.stringify(await drive(JSON.parse(input)))}\n`);
