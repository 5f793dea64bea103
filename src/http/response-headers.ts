import type { Context } from "hono";

/**
 * Sets headers on the response a handler already produced, in place. Hono's `c.header()` copies
 * the whole Response on every call once it is finalized (to cope with immutable headers), which
 * costs a Response construction per header on every request; the responses this app builds have
 * mutable headers, and the rare one that does not is copied once.
 *
 * @example setResponseHeaders(c, { "X-Cache": "HIT", Vary: undefined }); // undefined: left alone
 */
export function setResponseHeaders(c: Context, headers: Record<string, string | undefined>, append: readonly string[] = []): void {
  const apply = (target: Headers) => {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      if (append.includes(name)) target.append(name, value);
      else target.set(name, value);
    }
  };
  try {
    apply(c.res.headers);
  } catch {
    // Immutable headers (e.g. a Response passed through from fetch): one copy, then set.
    c.res = new Response(c.res.body, c.res);
    apply(c.res.headers);
  }
}
