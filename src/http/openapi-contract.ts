import type { OpenAPIHono } from "@hono/zod-openapi";
import { BOOKMARK_HEADER, BOOKMARK_PATTERN } from "../db/session";
import { ERROR_DESCRIPTIONS, ErrorEnvelopeSchema, errorContent } from "./envelope";
import { HTTP_METHODS, isSafeMethod } from "./methods";

type Response = { headers?: Record<string, unknown>; $ref?: string };
type Operation = { parameters?: { name?: string; $ref?: string }[]; responses: Record<string, Response> };
type Paths = Record<string, Record<string, Operation | undefined>>;

const ref = (kind: "headers" | "parameters" | "responses" | "schemas", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
// Headers a failure carries besides the shared ones (the 401 challenge, when to retry).
const FAILURE_HEADERS: Record<string, string> = { "401": "WWW-Authenticate", "429": "Retry-After", "503": "Retry-After" };
const envelope = ref("schemas", "ErrorEnvelope");

/** Response headers middleware sets, as `#/components/headers/<name>` (in the document's order). */
const HEADERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  "X-Request-Id": {
    description: "Identifies the request in the logs; sent back when the client supplies a sane one.",
    schema: { type: "string", maxLength: 128 },
  },
  "X-D1-Bookmark": {
    description: "D1 session bookmark after this request. Send it back as the X-D1-Bookmark request header to read your own writes.",
    schema: { type: "string" },
  },
  "RateLimit-Limit": {
    description: "Requests allowed in the caller's window (per user, else per client address).",
    schema: { type: "integer" },
  },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window frees capacity.", schema: { type: "integer" } },
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  "WWW-Authenticate": {
    description: '`Bearer` when a token is missing, `Bearer error="invalid_token"` when one was refused (RFC 6750).',
    schema: { type: "string" },
  },
  ETag: { description: "Strong validator of the body; send it as If-None-Match.", schema: { type: "string" } },
  "Cache-Control": {
    description: "`public, max-age=60` for anonymous /api reads without a bookmark; otherwise `no-store` (`private, no-store` on /api).",
    schema: { type: "string" },
  },
  "X-Cache": {
    description: "Whether the KV market cache answered (HIT), was filled (MISS) or was skipped (BYPASS); only when it took part.",
    schema: { type: "string", enum: ["HIT", "MISS", "BYPASS"] },
  },
  "Idempotent-Replayed": {
    description: "`true` when this is the stored first response to the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  },
};

/** Request headers middleware reads, as `#/components/parameters/<name>`. */
const PARAMETERS = {
  D1Bookmark: {
    name: BOOKMARK_HEADER,
    in: "header",
    required: false,
    description: "The X-D1-Bookmark of an earlier response: this request then sees at least that state (read-your-writes).",
    schema: { type: "string", pattern: BOOKMARK_PATTERN.source },
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "An ETag from an earlier response: 304 without a body while it still matches.",
    schema: { type: "string", maxLength: 1024 },
  },
} as const;

/**
 * Failures middleware can answer on an operation, as `#/components/responses/<name>` (in the
 * document's order): on every operation unless `on` narrows it to `/api` ones, or to `/api` writes
 * (the body limit and JSON content type are checked before routing). A `note` extends the status's
 * description.
 */
const SHARED_FAILURES: Record<string, { status: keyof typeof ERROR_DESCRIPTIONS; on?: "api" | "api-write"; note?: string }> = {
  RateLimited: { status: 429, on: "api" },
  InvalidRequest: { status: 400 },
  Unauthorized: {
    status: 401,
    note: "A token that fails verification is refused on every /api route, public reads included, after it is counted against the address's anonymous rate limit.",
  },
  PayloadTooLarge: { status: 413, on: "api-write" },
  UnsupportedMediaType: { status: 415, on: "api-write" },
  ServiceUnavailable: { status: 503, note: "Transient database failures land here; retrying later is safe for reads." },
  InternalError: { status: 500 },
};
// An operation lists its responses by status.
const FAILURES_BY_STATUS = Object.entries(SHARED_FAILURES).sort(([, a], [, b]) => a.status - b.status);

/** Security of public reads: anonymous, or with a token, which is then verified (a bad one is a 401). */
export const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

/**
 * Registers the bearer security scheme and what operations share because middleware, not the
 * route, produces it: request id, D1 bookmark (400 when malformed), token verification (401 with
 * its challenge), body limit and content type on /api writes (413, 415), rate limits on /api
 * (headers, 429), ETag/304 and cache headers on reads, 500, and 503 when D1 is unreachable.
 */
export function registerHttpContract(app: OpenAPIHono<any, any, any>): void {
  const register = app.openAPIRegistry.registerComponent.bind(app.openAPIRegistry);
  register("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "HS256 with the deployment's secret, or RS256/ES256 from the configured JWKS.",
  });
  for (const [name, header] of Object.entries(HEADERS)) register("headers", name, header as never);
  for (const [name, parameter] of Object.entries(PARAMETERS)) register("parameters", name, parameter);
  register("responses", "NotModified", {
    description: "The representation still matches If-None-Match",
    headers: { ...headerRefs("ETag", "Cache-Control"), ...sharedHeaders(true) },
  } as never);
  for (const [name, { status, note }] of Object.entries(SHARED_FAILURES)) {
    // Shared by every operation: the headers any of them may carry (Cache-Control on reads).
    const headers = { ...sharedHeaders(true), ...headerRefs("Cache-Control", FAILURE_HEADERS[status]) };
    const description = note ? `${ERROR_DESCRIPTIONS[status]}. ${note}` : ERROR_DESCRIPTIONS[status];
    register("responses", name, { description, headers, content: errorContent(status, envelope) } as never);
  }
  // Referenced above by name; registering keeps it in components even if no route used it.
  app.openAPIRegistry.register("ErrorEnvelope", ErrorEnvelopeSchema);
}

/** `{ <name>: $ref }` for each header named, in order; `false` and `undefined` entries are left out. */
function headerRefs(...names: (string | false | undefined)[]) {
  return Object.fromEntries(names.filter((name) => name).map((name) => [name, ref("headers", name as string)]));
}

/** What every response carries: request id and D1 bookmark, plus on /api the limits and cache status. */
const sharedHeaders = (api: boolean) => headerRefs("X-Request-Id", "X-D1-Bookmark", ...(api ? [...RATE_LIMIT_HEADERS, "X-Cache"] : []));

/**
 * Adds the shared parameters, headers and responses registered by {@link registerHttpContract} to
 * every operation of a generated document (mutates and returns it).
 */
export function applyHttpContract<T extends { paths?: object }>(doc: T): T {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Paths)) {
    for (const method of HTTP_METHODS) {
      // A path item keys its operations by the method in lower case.
      const op = item[method.toLowerCase()];
      if (!op) continue;
      const api = path.startsWith("/api/");
      // Every /api GET is conditional (ETag, 304); every GET says how it may be cached.
      const conditional = api && method === "GET";
      const idempotent = op.parameters?.some((p) => p.name === "Idempotency-Key") ?? false;
      // A write that honours If-Match answers with the new ETag.
      const versioned = op.parameters?.some((p) => p.name === "If-Match") ?? false;
      op.parameters = [...(op.parameters ?? []), ...(conditional ? [ref("parameters", "IfNoneMatch")] : []), ref("parameters", "D1Bookmark")];
      for (const [status, response] of Object.entries(op.responses)) {
        if (response.$ref) continue;
        response.headers = {
          ...sharedHeaders(api),
          ...headerRefs(
            method === "GET" && "Cache-Control",
            (conditional || versioned) && status === "200" && "ETag",
            idempotent && status.startsWith("2") && "Idempotent-Replayed",
            FAILURE_HEADERS[status],
          ),
          ...response.headers,
        };
      }
      if (conditional) op.responses["304"] ??= ref("responses", "NotModified");
      const applies = { api, "api-write": api && !isSafeMethod(method) };
      for (const [name, { status, on }] of FAILURES_BY_STATUS) {
        if (!on || applies[on]) op.responses[status] ??= ref("responses", name);
      }
    }
  }
  return doc;
}
