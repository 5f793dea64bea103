/** Header carrying a D1 session bookmark from the client and back. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

/** What a D1 bookmark looks like: opaque but printable; anything else is refused rather than passed to D1. */
export const BOOKMARK_PATTERN = /^[A-Za-z0-9._:-]{1,256}$/;

/** Thrown by {@link openSession} for a bookmark D1 could not have issued; the HTTP layer answers it as a 400. */
export class InvalidBookmarkError extends Error {
  override name = "InvalidBookmarkError";
}

/**
 * Opens the request's D1 session (Sessions API, read replication). A client that sends the
 * bookmark of its last response reads at least what it wrote; otherwise reads may be served by
 * any replica and writes start at the primary.
 */
export function openSession(db: D1Database, bookmark: string | undefined, writes: boolean): D1DatabaseSession {
  if (bookmark !== undefined) {
    if (!BOOKMARK_PATTERN.test(bookmark)) throw new InvalidBookmarkError("not a D1 bookmark");
    return db.withSession(bookmark);
  }
  return db.withSession(writes ? "first-primary" : "first-unconstrained");
}
