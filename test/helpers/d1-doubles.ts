// Stand-ins for the D1 binding: each wraps (or replaces) the real local database so a test can
// count, fail, delay or stale the statements the API runs, through sessions as well as the binding.

/** A D1 binding whose every statement fails with a message that contains SQL, as real D1 errors do. */
export const brokenD1 = (): D1Database =>
  ({
    prepare(sql: string) {
      const fail = () => Promise.reject(new Error(`D1_ERROR: no such table: markets: SQLITE_ERROR while running ${sql}`));
      const stmt = { bind: () => stmt, first: fail, all: fail, raw: fail, run: fail };
      return stmt;
    },
    batch: () => Promise.reject(new Error("D1_ERROR: SELECT secret FROM internals")),
    exec: () => Promise.reject(new Error("D1_ERROR")),
    withSession() {
      return { ...this, getBookmark: () => null };
    },
  }) as unknown as D1Database;

/** Methods a test replaces on a D1 binding or session; the others reach the real one. */
export interface D1Overrides {
  prepare?: (sql: string) => D1PreparedStatement;
  batch?: (stmts: D1PreparedStatement[]) => Promise<unknown>;
}

/**
 * A D1 binding, and every session opened from it, with some methods replaced. `overrides` gets
 * each target and, for a session, the constraint it was opened with (undefined for the binding).
 */
export function interceptD1<T extends D1Database | D1DatabaseSession>(
  target: T,
  overrides: (t: D1Database | D1DatabaseSession, constraint?: string) => D1Overrides,
  constraint?: string,
): T {
  const own = overrides(target, constraint);
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === "withSession") {
        return (arg?: string) => interceptD1((t as D1Database).withSession(arg), overrides, arg ?? "first-unconstrained");
      }
      if (prop === "prepare" && own.prepare) return own.prepare;
      if (prop === "batch" && own.batch) return own.batch;
      const value = Reflect.get(t, prop, receiver);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

/**
 * A D1 binding that records the statements it is asked to run (single or batched), including
 * through sessions opened on it, with their bound parameters.
 */
export function countingD1(inner: D1Database) {
  const counter = { statements: 0, queries: [] as { sql: string; params: unknown[] }[] };
  const db = interceptD1(inner, (t) => ({
    prepare: (sql) => {
      counter.statements++;
      const query = { sql, params: [] as unknown[] };
      counter.queries.push(query);
      const stmt = t.prepare(sql);
      const bind = stmt.bind.bind(stmt);
      stmt.bind = (...params: unknown[]) => {
        query.params = params;
        return bind(...params);
      };
      return stmt;
    },
  }));
  return { db, counter };
}

/**
 * A D1 binding whose first `failures` executions (statement runs or batches, through sessions too)
 * reject with `message`, as D1 does when its connection drops; everything else reaches the real
 * database. `calls` counts every execution attempt.
 */
export function flakyD1(inner: D1Database, failures: number, message = "D1_ERROR: Network connection lost.") {
  const state = { calls: 0, failures };
  const attempt = <T>(run: () => Promise<T>): Promise<T> => {
    state.calls++;
    if (state.failures > 0) {
      state.failures--;
      return Promise.reject(new Error(message));
    }
    return run();
  };
  const patch = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => patch(bind(...values));
    for (const method of ["first", "all", "raw", "run"] as const) {
      const original = (stmt[method] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => attempt(() => original(...args));
    }
    return stmt;
  };
  const db = interceptD1(inner, (t) => ({
    prepare: (sql) => patch(t.prepare(sql)),
    batch: (stmts) => attempt(() => t.batch(stmts)),
  }));
  return { db, state };
}

/**
 * A D1 binding whose batches (the API's writes) start only after `ms`: concurrent requests then
 * all pass their reads before any of them writes, which is the race idempotency has to survive.
 */
export function slowWritesD1(inner: D1Database, ms: number): D1Database {
  return interceptD1(inner, (t) => ({
    batch: async (stmts) => {
      await new Promise((r) => setTimeout(r, ms));
      return t.batch(stmts);
    },
  }));
}

/**
 * A D1 binding whose read replicas lag: in every session that does not start at the primary,
 * selects that mention `table` see none of its rows (as a replica that has not yet applied the
 * latest commits would). The binding itself and sessions opened with "first-primary" read the real data.
 */
export function laggingReplicaD1(inner: D1Database, table: string): D1Database {
  return interceptD1(inner, (t, constraint) =>
    constraint === undefined || constraint === "first-primary"
      ? {}
      : {
          prepare: (sql) => (/^\s*select/i.test(sql) && sql.includes(table) ? t.prepare(`SELECT * FROM (${sql}) WHERE 0`) : t.prepare(sql)),
        },
  );
}
