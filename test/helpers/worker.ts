import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";

/**
 * Calls the worker's real fetch entry with a modified environment (a wrapped or broken
 * binding, a different secret) — the same entry production uses, with different bindings.
 */
export async function fetchWith(overrides: Partial<Env>, path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://api.test${path}`, init), envWith(overrides), ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

// One merged env per overrides object: like a real isolate's env, it stays the same object across
// requests, so per-isolate state keyed on it (config, rate limiter) lives as long as the test's env.
const merged = new WeakMap<object, Env>();
function envWith(overrides: Partial<Env>): Env {
  let e = merged.get(overrides);
  if (!e) {
    e = { ...env, ...overrides };
    merged.set(overrides, e);
  }
  return e;
}

/** A D1 binding that counts the statements it is asked to run, single or batched. */
export function countingD1(inner: D1Database) {
  const counter = { statements: 0 };
  const db = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "prepare") {
        return (sql: string) => {
          counter.statements++;
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, counter };
}

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
  }) as unknown as D1Database;
