import { withRetry } from "../lib/retry";
import { isTransientD1Error } from "./d1-errors";

// A statement that only reads may run twice without changing anything. CTEs and selects qualify;
// anything that mentions a write keyword, or RETURNING, does not.
const READ_ONLY = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|replace|returning|create|drop|alter|pragma)\b/i;
/** True for a statement that only reads (a select or CTE mentioning no write keyword nor RETURNING). */
export const isRead = (sql: string) => READ_ONLY.test(sql) && !WRITES.test(sql);

/** One more try, soon: a dropped connection usually comes back at once, and the client is waiting. */
const READ_RETRY = { attempts: 2, base: 25, cap: 100, jitter: 0.5, retryable: isTransientD1Error } as const;

const sqlOf = new WeakMap<D1PreparedStatement, string>();

function retryReads(stmt: D1PreparedStatement, sql: string): D1PreparedStatement {
  sqlOf.set(stmt, sql);
  const bind = stmt.bind.bind(stmt);
  stmt.bind = (...values: unknown[]) => retryReads(bind(...values), sql);
  if (isRead(sql)) {
    for (const method of ["first", "all", "raw", "run"] as const) {
      const original = (stmt[method] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => withRetry(() => original(...args), READ_RETRY);
    }
  }
  return stmt;
}

/**
 * The request's D1 session, with read-only statements (and batches made only of them) retried
 * once on a transient failure. Writes are never retried here: after a dropped connection D1 may
 * have committed them, and only an idempotency key makes a second attempt safe.
 */
export function withReadRetries(session: D1DatabaseSession): D1DatabaseSession {
  const prepare = session.prepare.bind(session);
  const batch = session.batch.bind(session);
  return Object.assign(Object.create(session) as D1DatabaseSession, {
    prepare: (sql: string) => retryReads(prepare(sql), sql),
    batch: <T>(statements: D1PreparedStatement[]) => {
      const reads = statements.every((s) => isRead(sqlOf.get(s) ?? ""));
      return reads ? withRetry(() => batch<T>(statements), READ_RETRY) : batch<T>(statements);
    },
    getBookmark: () => session.getBookmark(),
  });
}
