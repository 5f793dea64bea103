import * as z from "zod";

/** Request header carrying the client's key for one logical write. */
export const IDEMPOTENCY_HEADER = "idempotency-key";

/** How long a key's first response is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Printable ASCII, as most APIs that accept the header allow (a UUID fits comfortably). */
export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

/** A response as stored and replayed. */
export interface StoredResponse {
  status: number;
  /** The JSON body exactly as first sent. */
  body: string;
  location?: string | undefined;
}

/**
 * A value the stored body takes from the database inside the write's own transaction, at a JSON
 * path: a market's volume after the write, or the caller's display name as stored (a token may
 * not carry one).
 */
export type StoredFill = { path: string; from: "userName" } | { path: string; from: "marketVolume"; marketId: string };

/** What a write batch stores with its write when the request carried an Idempotency-Key. */
export interface IdempotencyRecord extends StoredResponse {
  userId: string;
  key: string;
  requestHash: string;
  createdAt: number;
  /** Parts of the body only known inside the write's transaction, written there (see StoredFill). */
  fill?: StoredFill[] | undefined;
}

// Object keys sorted at every depth, so the same body hashes the same whatever its key order.
const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value && typeof value === "object"
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]))
      : value;

/** SHA-256 (hex) of what makes two requests "the same": method, path and parsed body. */
export async function requestHash(method: string, path: string, body: unknown): Promise<string> {
  const text = `${method} ${path}\n${JSON.stringify(stable(body))}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** How the API treats the header, for the operations that accept it. */
export const IDEMPOTENCY_DESCRIPTION =
  "Send an `Idempotency-Key` (any unique string, e.g. a UUID) to make retries safe: for 24 hours the same key with the same request returns the first response (with `Idempotent-Replayed: true`) instead of writing again; the same key with a different request is a 422.";

/**
 * The header as an OpenAPI parameter of the operations that accept it. Declared rather than
 * validated by the route, so typed clients keep it optional; idempotentWrite() validates it.
 */
export const IDEMPOTENCY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Makes a retry of this write safe (see the operation's description).",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
} as const;
