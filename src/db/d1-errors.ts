/**
 * D1 failures that say nothing about the query and may not happen again: the connection to the
 * database dropped, its storage object restarted or moved, or it is overloaded. From Cloudflare's
 * D1 error list (the "retry" rows); constraint violations and SQL errors are not among them.
 */
const TRANSIENT_D1 =
  /network connection lost|storage caused object to be reset|reset because its code was updated|object to be reset|overloaded|too many requests queued|internal error while starting up|d1 db is overloaded|exceeded timeout|operation timed out/i;

/** True when `err`, or an error in its `cause` chain (Drizzle wraps driver errors), is a transient D1 failure. */
export function isTransientD1Error(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (TRANSIENT_D1.test(e.message)) return true;
  }
  return false;
}
