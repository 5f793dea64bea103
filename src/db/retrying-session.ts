import { withRetry } from "../lib/retry";
import { isTransientD1Error } from "./d1-errors";
import { allRead, type Around, decorateSession, isRead } from "./decorate-session";

/** One more try, soon: a dropped connection usually comes back at once, and the client is waiting. */
const READ_RETRY = { attempts: 2, base: 25, cap: 100, jitter: 0.5, retryable: isTransientD1Error } as const;

const retried: Around = (run) => withRetry(run, READ_RETRY);
const once: Around = (run) => run();

/**
 * The request's D1 session, with read-only statements (and batches made only of them) retried
 * once on a transient failure. Writes are never retried here: after a dropped connection D1 may
 * have committed them, and only an idempotency key makes a second attempt safe.
 */
export function withReadRetries(session: D1DatabaseSession): D1DatabaseSession {
  return decorateSession(session, {
    statement: (sql) => (isRead(sql) ? retried : undefined),
    batch: (statements) => (allRead(statements) ? retried : once),
  });
}
