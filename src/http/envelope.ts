import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "./errors";

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

/** The one failure envelope, as documented in /openapi.json. */
export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
    requestId: z.string(),
  })
  .openapi("ErrorEnvelope");

/** Response entries for the failures a route can produce, all sharing the envelope. */
export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 503)[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: ERROR_DESCRIPTIONS[s],
        content: { "application/json": { schema: ErrorEnvelopeSchema } },
      },
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
