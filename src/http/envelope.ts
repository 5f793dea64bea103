import { z } from "@hono/zod-openapi";
import { ERROR_CODES, type ErrorCode } from "./errors";

/** Builds the `{ success: true, data, meta? }` body every successful JSON response uses. */
export function ok<T>(data: T): { success: true; data: T };
export function ok<T, M>(data: T, meta: M): { success: true; data: T; meta: M };
export function ok<T, M>(data: T, meta?: M) {
  return meta === undefined ? { success: true as const, data } : { success: true as const, data, meta };
}

/** OpenAPI/zod description of the success envelope around `data`. */
export const successSchema = <T extends z.ZodType>(data: T) =>
  z.object({ success: z.literal(true), data });

/** The envelope of a page: `data` is an array of `item`, `meta` describes the page. */
export const pageSchema = <T extends z.ZodType, M extends z.ZodObject>(item: T, meta: M) =>
  successSchema(z.array(item)).extend({ meta });

/** A required JSON request body, for a route's `request.body`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** An OpenAPI response entry with a JSON body. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** One problem with the input (see IssueDetail). */
export const ErrorDetailSchema = z
  .object({
    location: z.enum(["param", "query", "header", "json"]).openapi({ description: "The request part: path parameters, query, headers or JSON body" }),
    path: z.string().openapi({ description: "Dotted path inside that part, e.g. `initialPosition.amount`" }),
    message: z.string(),
  })
  .openapi("ErrorDetail");

/** The one failure envelope, as documented in /openapi.json. */
export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .union([
          z.array(ErrorDetailSchema),
          z.object({ done: z.number().int() }).openapi({ description: "503 of reindex/replay: jobs enqueued before the queue refused" }),
        ])
        .optional()
        .openapi({ description: "400: the invalid fields. Absent on most other failures." }),
    }),
    requestId: z.string(),
  })
  .openapi("ErrorEnvelope");

/** Status, code and message of each failure's example in the document. */
const ERROR_EXAMPLES: Record<keyof typeof ERROR_DESCRIPTIONS, [ErrorCode, string]> = {
  400: ["validation_failed", "The request is not valid"],
  401: ["unauthorized", "Authentication required"],
  403: ["forbidden", "Role 'user' lacks the 'delete' permission"],
  404: ["not_found", "Market not found"],
  409: ["conflict", "A resolved market can no longer be changed"],
  412: ["precondition_failed", "The market has changed since the ETag in If-Match was read; fetch it again"],
  413: ["payload_too_large", "Request body exceeds 65536 bytes"],
  415: ["unsupported_media_type", "Request body must be application/json"],
  422: ["idempotency_key_reused", "This Idempotency-Key was already used with a different request"],
  429: ["rate_limited", "Too many requests; retry in 12 s"],
  500: ["internal_error", "Internal server error"],
  503: ["service_unavailable", "The database is briefly unavailable; retry shortly"],
};

/** The JSON content of a failure response, with an example carrying that status's real code. */
export function errorContent(status: keyof typeof ERROR_DESCRIPTIONS, schema: unknown = ErrorEnvelopeSchema) {
  const [code, message] = ERROR_EXAMPLES[status];
  const details = status === 400 ? { details: [{ location: "json", path: "initialPosition.amount", message: "Too small: expected number to be >=1" }] } : {};
  return {
    "application/json": {
      schema,
      example: { success: false, error: { code, message, ...details }, requestId: "5b9d2c1e-4f7a-4e2b-9c3d-1a2b3c4d5e6f" },
    },
  };
}

/** Response entries for the failures a route can produce, all sharing the envelope. */
export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 503)[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s], content: errorContent(s) },
    ]),
  );

/** What each failure status means, with the error codes it can carry. */
export const ERROR_DESCRIPTIONS = {
  400: "Invalid input (validation_failed, malformed_json)",
  401: "Missing or invalid bearer token (unauthorized)",
  403: "Authenticated but not allowed (forbidden)",
  404: "No such resource (not_found)",
  409: "The request conflicts with the resource's state (conflict, market_not_active)",
  412: "If-Match does not match the market's current ETag (precondition_failed); nothing was changed",
  413: "Body larger than allowed (payload_too_large)",
  415: "Body is not application/json (unsupported_media_type)",
  422: "The Idempotency-Key was already used with a different request (idempotency_key_reused)",
  429: "Rate limit exceeded (rate_limited); see Retry-After",
  500: "Unexpected failure (internal_error); quote the requestId when reporting it",
  503: "A dependency is unavailable (service_unavailable); see Retry-After",
} as const;
