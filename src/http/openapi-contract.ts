import type { OpenAPIHono } from "@hono/zod-openapi";
import { BOOKMARK_HEADER } from "./d1-session";
import { ERROR_DESCRIPTIONS, ErrorEnvelopeSchema, errorContent } from "./envelope";

type Response = { headers?: Record<string, unknown>; $ref?: string };
type Operation = { parameters?: { name?: string; $ref?: string }[]; responses: Record<string, Response> };
type Paths = Record<string, Record<string, Operation | undefined>>;

const ref = (kind: "headers" | "parameters" | "responses" | "schemas", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const WRITE_METHODS = new Set(["put", "post", "delete", "patch"]);
// Headers a failure carries besides the shared ones (the 401 challenge, when to retry).
const FAILURE_HEADERS: Record<string, string> = { "401": "WWW-Authenticate", "429": "Retry-After", "503": "Retry-After" };
const envelope = ref("schemas", "ErrorEnvelope");

/** Security of public reads: anonymous, or with a token, which is then verified (a bad one is a 401). */
export const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

/**
 * Registers what operations share because middleware, not the route, produces it: request id, D1
 * bookmark (400 when malformed), token verification (401 with its challenge), body limit and
 * content type on /api writes (413, 415), rate limits on /api (headers, 429), ETag/304 and cache
 * headers on reads, 500, and 503 when D1 is unreachable.
 */
export function registerHttpContract(app: OpenAPIHono<any, any, any>): void {
  const register = app.openAPIRegistry.registerComponent.bind(app.openAPIRegistry);
  register("headers", "X-Request-Id", {
    description: "Identifies the request in the logs; sent back when the client supplies a sane one.",
    schema: { type: "string", maxLength: 128 },
  });
  register("headers", "X-D1-Bookmark", {
    description: "D1 session bookmark after this request. Send it back as the X-D1-Bookmark request header to read your own writes.",
    schema: { type: "string" },
  });
  register("headers", "RateLimit-Limit", {
    description: "Requests allowed in the caller's window (per user, else per client address).",
    schema: { type: "integer" },
  });
  register("headers", "RateLimit-Remaining", { description: "Requests left in the current window.", schema: { type: "integer" } });
  register("headers", "RateLimit-Reset", { description: "Seconds until the window frees capacity.", schema: { type: "integer" } });
  register("headers", "Retry-After", { description: "Seconds to wait before retrying.", schema: { type: "integer" } });
  register("parameters", "D1Bookmark", {
    name: BOOKMARK_HEADER,
    in: "header",
    required: false,
    description: "The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes).",
    schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,256}$" },
  });
  register("headers", "WWW-Authenticate", {
    description: '`Bearer` when a token is missing, `Bearer error="invalid_token"` when one was refused (RFC 6750).',
    schema: { type: "string" },
  });
  register("headers", "ETag", { description: "Strong validator of the body; send it as If-None-Match.", schema: { type: "string" } });
  register("headers", "Cache-Control", {
    description: "`public, max-age=60` for anonymous /api reads without a bookmark; otherwise `no-store` (`private, no-store` on /api).",
    schema: { type: "string" },
  });
  register("headers", "X-Cache", {
    description: "Whether the KV market cache answered (HIT), was filled (MISS) or was skipped (BYPASS); only when it took part.",
    schema: { type: "string", enum: ["HIT", "MISS", "BYPASS"] },
  });
  register("headers", "Idempotent-Replayed", {
    description: "`true` when this is the stored first response to the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  });
  register("parameters", "IfNoneMatch", {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "An ETag from an earlier response: 304 without a body while it still matches.",
    schema: { type: "string", maxLength: 1024 },
  });
  register("responses", "NotModified", {
    description: "The representation still matches If-None-Match",
    headers: { ETag: ref("headers", "ETag"), "Cache-Control": ref("headers", "Cache-Control"), ...sharedHeaders(true) },
  } as never);
  const failure = (status: keyof typeof ERROR_DESCRIPTIONS, description: string = ERROR_DESCRIPTIONS[status]) => {
    const extra = FAILURE_HEADERS[status];
    // Shared by every operation: the headers any of them may carry (Cache-Control on reads).
    const headers = { ...sharedHeaders(true), "Cache-Control": ref("headers", "Cache-Control"), ...(extra ? { [extra]: ref("headers", extra) } : {}) };
    return { description, headers, content: errorContent(status, envelope) } as never;
  };
  register("responses", "RateLimited", failure(429));
  register("responses", "InvalidRequest", failure(400));
  register("responses", "Unauthorized", failure(401, `${ERROR_DESCRIPTIONS[401]}. A token that fails verification is refused on every /api route, public reads included, after it is counted against the address's anonymous rate limit.`));
  register("responses", "PayloadTooLarge", failure(413));
  register("responses", "UnsupportedMediaType", failure(415));
  register("responses", "ServiceUnavailable", failure(503, `${ERROR_DESCRIPTIONS[503]}. Transient database failures land here; retrying later is safe for reads.`));
  register("responses", "InternalError", failure(500));
  // Referenced above by name; registering keeps it in components even if no route used it.
  app.openAPIRegistry.register("ErrorEnvelope", ErrorEnvelopeSchema);
}

function rateLimitHeaders() {
  return Object.fromEntries(RATE_LIMIT_HEADERS.map((h) => [h, ref("headers", h)]));
}

/** What every response carries: request id and D1 bookmark, plus on /api the limits and cache status. */
function sharedHeaders(api: boolean) {
  return {
    "X-Request-Id": ref("headers", "X-Request-Id"),
    "X-D1-Bookmark": ref("headers", "X-D1-Bookmark"),
    ...(api ? { ...rateLimitHeaders(), "X-Cache": ref("headers", "X-Cache") } : {}),
  };
}

/**
 * Adds the shared parameters, headers and responses registered by {@link registerHttpContract} to
 * every operation of a generated document (mutates and returns it).
 */
export function applyHttpContract<T extends { paths?: object }>(doc: T): T {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const api = path.startsWith("/api/");
      // Every /api GET is conditional (ETag, 304); every GET says how it may be cached.
      const conditional = api && method === "get";
      const idempotent = op.parameters?.some((p) => p.name === "Idempotency-Key") ?? false;
      // A write that honours If-Match answers with the new ETag.
      const versioned = op.parameters?.some((p) => p.name === "If-Match") ?? false;
      op.parameters = [...(op.parameters ?? []), ...(conditional ? [ref("parameters", "IfNoneMatch")] : []), ref("parameters", "D1Bookmark")];
      for (const [status, response] of Object.entries(op.responses)) {
        if (response.$ref) continue;
        const extra = FAILURE_HEADERS[status];
        response.headers = {
          ...sharedHeaders(api),
          ...(method === "get" ? { "Cache-Control": ref("headers", "Cache-Control") } : {}),
          ...((conditional || versioned) && status === "200" ? { ETag: ref("headers", "ETag") } : {}),
          ...(idempotent && status.startsWith("2") ? { "Idempotent-Replayed": ref("headers", "Idempotent-Replayed") } : {}),
          ...(extra ? { [extra]: ref("headers", extra) } : {}),
          ...response.headers,
        };
      }
      if (conditional) op.responses["304"] ??= ref("responses", "NotModified");
      op.responses["400"] ??= ref("responses", "InvalidRequest");
      op.responses["401"] ??= ref("responses", "Unauthorized");
      // Body limit and JSON content type are checked before routing, on every /api write.
      if (api && WRITE_METHODS.has(method)) {
        op.responses["413"] ??= ref("responses", "PayloadTooLarge");
        op.responses["415"] ??= ref("responses", "UnsupportedMediaType");
      }
      if (api) op.responses["429"] ??= ref("responses", "RateLimited");
      op.responses["500"] ??= ref("responses", "InternalError");
      op.responses["503"] ??= ref("responses", "ServiceUnavailable");
    }
  }
  return doc;
}
