// Bench-only instrumentation, never part of the deployed bundle: wraps a worker so every response
// says which D1 statements the request ran and what they read and wrote (D1's own result meta).
//
// D1 returns meta from all(), run() and batch(); raw() and first() (what Drizzle uses for most
// reads) return rows only. For those, a read-only statement is run once more with all() to get its
// meta: same SQL, same parameters, same data, so the same rows_read. A write reached through raw()
// or first() is counted as "unmetered" instead of being run twice.
//
// One request at a time: the meter of the request in flight is module state.

/** Response header carrying the request's meter as JSON. */
export const METER_HEADER = "x-bench-d1";

let current = null;
const INNER = Symbol("inner statement");
const READ_ONLY = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|replace)\b/i;

function add(meta) {
  if (!current || !meta) return;
  current.rowsRead += meta.rows_read ?? 0;
  current.rowsWritten += meta.rows_written ?? 0;
}

function statement(inner, sql) {
  const metaAgain = async () => {
    if (READ_ONLY.test(sql) && !WRITES.test(sql)) {
      add((await inner.all()).meta);
      if (current) current.reruns++;
    } else if (current) {
      current.unmetered++;
    }
  };
  return {
    [INNER]: inner,
    bind: (...params) => statement(inner.bind(...params), sql),
    async all() {
      if (current) current.statements++;
      const result = await inner.all();
      add(result.meta);
      return result;
    },
    async run() {
      if (current) current.statements++;
      const result = await inner.run();
      add(result.meta);
      return result;
    },
    async raw(options) {
      if (current) current.statements++;
      const rows = await inner.raw(options);
      await metaAgain();
      return rows;
    },
    async first(column) {
      if (current) current.statements++;
      const row = await inner.first(column);
      await metaAgain();
      return row;
    },
  };
}

function database(inner) {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === "prepare") return (sql) => statement(target.prepare(sql), sql);
      if (prop === "batch") {
        return async (statements) => {
          if (current) current.statements += statements.length;
          const results = await target.batch(statements.map((s) => s[INNER] ?? s));
          for (const r of results) add(r.meta);
          return results;
        };
      }
      if (prop === "withSession") return (arg) => database(target.withSession(arg));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// One wrapped env per real env, so per-isolate state keyed on the env (config, limiter) behaves
// exactly as in the unwrapped worker.
const envs = new WeakMap();

/**
 * @template {{ fetch: Function }} W
 * @param {W} worker
 * @returns {W}
 * @example export default metered(app);
 */
export function metered(worker) {
  return {
    ...worker,
    async fetch(request, env, ctx) {
      let wrapped = envs.get(env);
      if (!wrapped) {
        wrapped = { ...env, DB: database(env.DB) };
        envs.set(env, wrapped);
      }
      current = { statements: 0, rowsRead: 0, rowsWritten: 0, reruns: 0, unmetered: 0 };
      try {
        const response = await worker.fetch(request, wrapped, ctx);
        const out = new Response(response.body, response);
        out.headers.set(METER_HEADER, JSON.stringify(current));
        return out;
      } finally {
        current = null;
      }
    },
  };
}
