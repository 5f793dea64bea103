import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { BOOKMARK_HEADER } from "../db/session";
import type { AppEnv } from "../env";
import { isCacheable } from "./methods";
import { setResponseHeaders } from "./response-headers";

/** Shared caches may keep public reads this long: the same bound as KV's own propagation delay. */
const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * Strong ETags for GET responses, with If-None-Match answered by 304 (Hono's etag middleware).
 * A 304 keeps the headers a client or cache still needs. Handlers that build JSON set the ETag
 * themselves with jsonETag(); for any other GET response the middleware hashes the body stream.
 *
 * @example app.use("/api/*", conditionalGet());
 */
export const conditionalGet = (): MiddlewareHandler<AppEnv> =>
  etag({
    // What Hono keeps by default (RFC 9110's list), and what this API adds to every response.
    retainedHeaders: [...RETAINED_304_HEADERS, "x-request-id", "x-cache", BOOKMARK_HEADER, "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"],
  });

/**
 * Cache-Control and X-Cache for reads. Anonymous reads without a bookmark are public for a short
 * while; anything personal (a token, a bookmark) is `private, no-store`. Routes that set their own
 * Cache-Control keep it.
 *
 * @example app.use("/api/*", cacheHeaders());
 */
export const cacheHeaders = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const xCache = c.get("services").cacheStatus?.value;
    if (!isCacheable(c.req.method) || c.res.headers.has("Cache-Control")) {
      if (xCache) setResponseHeaders(c, { "X-Cache": xCache });
      return;
    }
    const personal = c.get("principal") !== undefined || c.req.header(BOOKMARK_HEADER) !== undefined;
    setResponseHeaders(
      c,
      {
        "X-Cache": xCache,
        "Cache-Control": personal || !c.res.ok ? "private, no-store" : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
        Vary: personal ? undefined : "Authorization, X-D1-Bookmark",
      },
      ["Vary"],
    );
  });

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
/** Lowercase hex of `bytes`: the runtime's Uint8Array.prototype.toHex where it has one (workerd does). */
const toHex = (bytes: Uint8Array): string => {
  const native = (bytes as Uint8Array & { toHex?: () => string }).toHex;
  if (native) return native.call(bytes);
  let hex = "";
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i] as number];
  return hex;
};
const utf8 = new TextEncoder();

/**
 * The strong ETag of the body `c.json(body)` sends (SHA-1 of the same JSON text), computed before
 * the Response exists. Hono's etag middleware would otherwise copy the response stream and read
 * it back to hash it, which measured as the largest single cost of a KV-cached read.
 *
 * @example if (!ifMatchAllows(ifMatch, await jsonETag(ok(market)))) throw stale();
 */
export function jsonETag(body: unknown): Promise<string> {
  return textETag(JSON.stringify(body));
}

/**
 * What `c.json(body, status, headers)` answers, with the body's strong ETag: the JSON text is
 * rendered once and both hashed and sent (the same bytes {@link jsonETag} hashes).
 *
 * @example return jsonWithETag(c, ok(page.items), 200, { "Cache-Control": "private, no-store" });
 */
export async function jsonWithETag<T, S extends ContentfulStatusCode>(
  c: Context,
  body: T,
  status: S,
  headers: Record<string, string> = {},
): Promise<Response & TypedResponse<JSONParsed<T>, S, "json">> {
  const text = JSON.stringify(body);
  const etag = await textETag(text);
  // The same response c.json() builds; the type is what c.json() would have declared for `body`.
  const res: Response = c.body(text, status, { ...headers, "Content-Type": "application/json", ETag: etag });
  return res as Response & TypedResponse<JSONParsed<T>, S, "json">;
}

/** The strong ETag of a text body (SHA-1, hex). */
export async function textETag(text: string): Promise<string> {
  return `"${toHex(new Uint8Array(await crypto.subtle.digest("SHA-1", utf8.encode(text))))}"`;
}
