import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable, machine-readable error codes: clients branch on these, never on messages. */
export const ERROR_CODES = [
  "validation_failed",
  "malformed_json",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "market_not_active",
  "precondition_failed",
  "payload_too_large",
  "unsupported_media_type",
  "idempotency_key_reused",
  "rate_limited",
  "service_unavailable",
  "internal_error",
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with the input, located by a dotted path inside a request part. */
export interface IssueDetail {
  location: string;
  path: string;
  message: string;
}

/**
 * A failure the client should see as-is. Anything thrown that is not an ApiError (or Hono's
 * HTTPException) becomes a generic 500 so internals never leak.
 *
 * @example throw new ApiError(404, "not_found", "Market not found");
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** 404 for a resource that does not exist (or that the caller may not know exists). */
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
