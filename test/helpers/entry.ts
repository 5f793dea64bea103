import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";

/**
 * Calls the worker's real fetch entry with a modified environment (a wrapped or broken
 * binding, a different secret) — the same entry production uses, with different bindings.
 */
export async function fetchWith(overrides: Partial<Env>, path: string, init?: RequestInit) {
  const { res, background } = await fetchNow(overrides, path, init);
  await background;
  return res;
}

/**
 * Like fetchWith, but resolves as soon as the response exists, as a client sees it; `background`
 * settles when the request's waitUntil work (e.g. a rate-limit count) has finished.
 */
export async function fetchNow(overrides: Partial<Env>, path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://api.test${path}`, init), envWith(overrides), ctx);
  return { res, background: waitOnExecutionContext(ctx) };
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
