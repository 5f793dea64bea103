// Upstash's error shape ({"error": "..."} with an HTTP status) and the texts Upstash documents.
/** A request the bridge answers without reaching Redis. */
export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Upstash's 401 text (docs: redis/troubleshooting/http_unauthorized). */
export const UNAUTHORIZED = "WRONGPASS invalid or missing auth token";

/** Upstash's words for a command its REST API does not serve. */
export const unavailable = (what) => `ERR Command is not available: '${what}'`;

/** Upstash's text for a request (or a single reply) over the size limit. */
export function tooLarge(limit, actual) {
  return `ERR max request size exceeded. Limit: ${limit} bytes${actual === undefined ? "" : `, Actual: ${actual} bytes`}`;
}

export const errorText = (err) => (err instanceof Error ? err.message : String(err));

/** A Redis reply error is the caller's (400); anything else (connection lost, ...) is the bridge's (500). */
export const statusOf = (err) => (err instanceof HttpError ? err.status : err instanceof Error && err.name === "ReplyError" ? 400 : 500);
