import type { Handler } from "hono";
import { textETag } from "./cache-headers";

// A placeholder for the serving origin: the document is built once around it, and each request
// costs one string replacement. ETags are kept for the last few origins seen (the Host header is
// the client's, so the map stays small whatever it sends).
const SELF = "https://this-deployment.invalid";
const MAX_ORIGINS = 8;

/**
 * GET /openapi.json: the document `build` returns for an origin (the routes are fixed, so it is
 * built once), with the request's origin as its first server, a strong ETag and 304 revalidation.
 *
 * @example app.get("/openapi.json", openApiRoute((origin) => openApiDocument(app, origin)));
 */
export function openApiRoute(build: (origin: string) => unknown): Handler {
  let base: string | undefined;
  const etags = new Map<string, string>();
  return async (c) => {
    base ??= JSON.stringify(build(SELF));
    const origin = new URL(c.req.url).origin;
    const text = base.replace(SELF, JSON.stringify(origin).slice(1, -1));
    let etag = etags.get(origin);
    if (!etag) {
      etag = await textETag(text);
      if (etags.size >= MAX_ORIGINS) etags.delete(etags.keys().next().value as string);
      etags.set(origin, etag);
    }
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304, { ETag: etag });
    return c.body(text, 200, { "Content-Type": "application/json", ETag: etag, "Cache-Control": "public, max-age=300" });
  };
}
