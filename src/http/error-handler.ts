import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
import { isTransientD1Error } from "../db/d1-errors";
import { createLogger, errorFields } from "../log/logger";
import { ApiError, type ErrorCode } from "./errors";
import { isSafeMethod } from "./methods";

const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/** Writes the failure envelope; the only place error bodies are produced. */
export function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  return c.json(
    {
      success: false as const,
      error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
      requestId: c.get("requestId"),
    },
    err.status,
  );
}

/**
 * Maps anything thrown to the envelope. A transient D1 failure is a 503 with Retry-After; other
 * unknown errors are logged with stack and shown as a bare 500.
 */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const malformed = err.message.startsWith("Malformed JSON");
    const code = malformed ? "malformed_json" : (HTTP_EXCEPTION_CODES[err.status] ?? "validation_failed");
    return errorResponse(c, new ApiError(err.status as ContentfulStatusCode, code, err.message || "Bad request"));
  }
  const logger = c.get("logger") ?? createLogger({ requestId: c.get("requestId") });
  if (isTransientD1Error(err)) {
    // Not a bug: the client may simply try again (reads were already retried once).
    logger.error("database unavailable", { metric: "d1.unavailable", count: 1, method: c.req.method, path: c.req.path, ...errorFields(err) });
    // A write that lost its connection may still have committed: only a retry under the same
    // Idempotency-Key is safe, and the message says so.
    const message = isSafeMethod(c.req.method)
      ? "The database is briefly unavailable; retry shortly"
      : "The database is briefly unavailable and this write may or may not have been applied; retry with the same Idempotency-Key";
    return errorResponse(c, new ApiError(503, "service_unavailable", message, undefined, { "Retry-After": "1" }));
  }
  logger.error("unhandled error", {
    method: c.req.method,
    path: c.req.path,
    ...errorFields(err),
  });
  return errorResponse(c, new ApiError(500, "internal_error", "Internal server error"));
}
