import { ApiError } from "./errors";

/** Header carrying a D1 session bookmark from the client and back. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

// D1 bookmarks are opaque but printable; anything else is refused rather than passed to D1.
const BOOKMARK = /^[A-Za-z0-9._:-]{1,256}$/;

/**
 * Opens the request's D1 session (Sessions API, read replication). A client that sends the
 * bookmark of its last response reads at least what it wrote; otherwise reads may be served by
 * any replica and writes start at the primary.
 */
export function openSession(db: D1Database, bookmark: string | undefined, writes: boolean): D1DatabaseSession {
  if (bookmark !== undefined) {
    if (!BOOKMARK.test(bookmark)) {
      throw new ApiError(400, "validation_failed", `Invalid ${BOOKMARK_HEADER} header`, [
        { location: "header", path: BOOKMARK_HEADER, message: "not a D1 bookmark" },
      ]);
    }
    return db.withSession(bookmark);
  }
  return db.withSession(writes ? "first-primary" : "first-unconstrained");
}
