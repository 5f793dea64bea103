import type { OpenAPIHono } from "@hono/zod-openapi";
import { BOOKMARK_HEADER } from "../db/session";
import { ERROR_DESCRIPTIONS, ErrorEnvelopeSchema } from "./envelope";

type Response = { headers?: Record<string, unknown>; $ref?: string };
type Operation = { parameters?: unknown[]; responses: Record<string, Response> };
type Paths = Record<string, Record<string, Operation | undefined>>;

const ref = (kind: "headers" | "parameters" | "responses" | "schemas", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const WRITE_METHODS = new Set(["put", "post", "delete", "patch"]);

/**
 * Registers what operations share because middleware, not the route, produces it: request id, D1
 * bookmark (400 when malformed), token verification (401), body limit and content type on /api
 * writes (413, 415), rate limits on /api (headers, 429), 500, and 503 when D1 is unreachable.
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
  register("responses", "RateLimited", {
    description: ERROR_DESCRIPTIONS[429],
    headers: { "Retry-After": ref("headers", "Retry-After"), ...rateLimitHeaders() },
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "InvalidRequest", {
    description: ERROR_DESCRIPTIONS[400],
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "Unauthorized", {
    description: `${ERROR_DESCRIPTIONS[401]}. A token that fails verification is refused on every /api route, public reads included (after it is counted against the address's anonymous rate limit).`,
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "PayloadTooLarge", {
    description: ERROR_DESCRIPTIONS[413],
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "UnsupportedMediaType", {
    description: ERROR_DESCRIPTIONS[415],
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "ServiceUnavailable", {
    description: `${ERROR_DESCRIPTIONS[503]}. Transient database failures land here; retrying later is safe for reads.`,
    headers: { "Retry-After": ref("headers", "Retry-After") },
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  register("responses", "InternalError", {
    description: ERROR_DESCRIPTIONS[500],
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  } as never);
  // Referenced above by name; registering keeps it in components even if no route used it.
  app.openAPIRegistry.register("ErrorEnvelope", ErrorEnvelopeSchema);
}

function rateLimitHeaders() {
  return Object.fromEntries(RATE_LIMIT_HEADERS.map((h) => [h, ref("headers", h)]));
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
      op.parameters = [...(op.parameters ?? []), ref("parameters", "D1Bookmark")];
      for (const response of Object.values(op.responses)) {
        if (response.$ref) continue;
        response.headers = {
          "X-Request-Id": ref("headers", "X-Request-Id"),
          ...(api ? { "X-D1-Bookmark": ref("headers", "X-D1-Bookmark"), ...rateLimitHeaders() } : {}),
          ...response.headers,
        };
      }
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
