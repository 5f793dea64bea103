// Bench-only instrumentation, never part of the deployed bundle: makes a worker's dependencies as
// far away as a distant consumer's edge is from the data, and records which calls a request waited
// for. Every call at the binding boundary is delayed by its round-trip time:
//   upstash  fetches to the Upstash REST URL (BENCH_UPSTASH_URL)
//   primary  D1 statements that write, and every statement of a "first-primary" session
//   replica  other D1 reads
//   kv       KV get/put/delete/list
// The profile comes in the BENCH_RTT binding (JSON of those four, in ms).
//
// Each response carries RTT_HEADER: the calls the request made before its response existed, and
// how many of them were sequential (overlapping calls count once). Calls still running when the
// response is returned, or started after it (waitUntil work), are not on its critical path. The
// trace is module state: meaningful when requests run one at a time (the harness's tracing pass).

/** Response header carrying the request's critical-path trace as JSON. */
export const RTT_HEADER = "x-bench-rtt";

const READ_ONLY = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|replace|returning)\b/i;
const isRead = (sql) => READ_ONLY.test(sql) && !WRITES.test(sql);

let profile = { upstash: 0, primary: 0, replica: 0, kv: 0 };
let trace = null;

const sleep = (ms) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** Runs `call` one round trip away, recording it on the current trace. */
async function remote(dep, call) {
  const t = trace;
  const start = performance.now();
  await sleep(profile[dep]);
  try {
    return await call();
  } finally {
    t?.calls.push({ dep, start, end: performance.now() });
  }
}

/** Calls that ended before `at`, merged where they overlap: the sequential round trips. */
function sequential(calls, at) {
  const done = calls.filter((c) => c.end <= at).sort((a, b) => a.start - b.start);
  let count = 0;
  let end = -Infinity;
  for (const c of done) {
    if (c.start >= end) count++;
    end = Math.max(end, c.end);
  }
  return { sequential: count, calls: done.map((c) => c.dep) };
}

function statement(inner, sql, primary) {
  const dep = primary || !isRead(sql) ? "primary" : "replica";
  const wrap = (s) => ({
    __inner: s,
    __dep: dep,
    bind: (...params) => wrap(s.bind(...params)),
    all: () => remote(dep, () => s.all()),
    run: () => remote(dep, () => s.run()),
    raw: (options) => remote(dep, () => s.raw(options)),
    first: (column) => remote(dep, () => s.first(column)),
  });
  return wrap(inner);
}

function database(inner, primary = false) {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === "prepare") return (sql) => statement(target.prepare(sql), sql, primary);
      if (prop === "batch") {
        return (statements) => {
          const dep = statements.some((s) => s.__dep === "primary") ? "primary" : "replica";
          return remote(dep, () => target.batch(statements.map((s) => s.__inner ?? s)));
        };
      }
      if (prop === "withSession") return (arg) => database(target.withSession(arg), arg === "first-primary");
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function kv(inner) {
  return new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (["get", "getWithMetadata", "put", "delete", "list"].includes(prop)) return (...a) => remote("kv", () => value.apply(target, a));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const envs = new WeakMap();
let patchedFetch = false;

/**
 * @template {{ fetch: Function }} W
 * @param {W} worker
 * @returns {W}
 * @example export default withLatency(app);
 */
export function withLatency(worker) {
  return {
    ...worker,
    async fetch(request, env, ctx) {
      let wrapped = envs.get(env);
      if (!wrapped) {
        profile = { ...profile, ...JSON.parse(env.BENCH_RTT ?? "{}") };
        wrapped = { ...env, DB: database(env.DB), ...(env.CACHE ? { CACHE: kv(env.CACHE) } : {}) };
        envs.set(env, wrapped);
        if (!patchedFetch && env.BENCH_UPSTASH_URL) {
          patchedFetch = true;
          const upstream = globalThis.fetch;
          globalThis.fetch = (input, init) => {
            const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
            return url.startsWith(env.BENCH_UPSTASH_URL) ? remote("upstash", () => upstream(input, init)) : upstream(input, init);
          };
        }
      }
      trace = { calls: [] };
      const t = trace;
      const response = await worker.fetch(request, wrapped, ctx);
      const out = new Response(response.body, response);
      out.headers.set(RTT_HEADER, JSON.stringify(sequential(t.calls, performance.now())));
      return out;
    },
  };
}
