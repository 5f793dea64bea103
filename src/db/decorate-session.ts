// A statement that only reads may run twice without changing anything. CTEs and selects qualify;
// anything that mentions a write keyword, or RETURNING, does not.
const READ_ONLY = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|replace|returning|create|drop|alter|pragma)\b/i;

// Every statement is classified on prepare and again on bind; an isolate runs a handful of distinct
// SQL texts, so the answer is kept (bounded, for SQL that embeds values).
const classified = new Map<string, boolean>();
const MAX_CLASSIFIED = 512;

/** True for a statement that only reads (a select or CTE mentioning no write keyword nor RETURNING). */
export function isRead(sql: string): boolean {
  let read = classified.get(sql);
  if (read === undefined) {
    read = READ_ONLY.test(sql) && !WRITES.test(sql);
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    classified.set(sql, read);
  }
  return read;
}

const sqlOf = new WeakMap<D1PreparedStatement, string>();
/** True when every statement was prepared, through a decorated session, from SQL that only reads. */
export const allRead = (statements: D1PreparedStatement[]) => statements.every((s) => isRead(sqlOf.get(s) ?? ""));

/** Runs one execution of a statement or batch, given the call that does it. */
export type Around = <T>(run: () => Promise<T>) => Promise<T>;

/**
 * A D1 session whose statements (through every `bind`) and batches run inside the wrappers given:
 * `statement(sql)` wraps first/all/raw/run of statements made from that SQL (undefined leaves them
 * alone), `batch(statements)` wraps a batch. The session's bookmark is the inner session's.
 *
 * @example decorateSession(session, { statement: (sql) => (isRead(sql) ? retry : undefined), batch: () => (run) => run() });
 */
export function decorateSession(
  session: D1DatabaseSession,
  wrap: { statement: (sql: string) => Around | undefined; batch: (statements: D1PreparedStatement[]) => Around },
): D1DatabaseSession {
  const prepare = session.prepare.bind(session);
  const batch = session.batch.bind(session);
  const decorate = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    sqlOf.set(stmt, sql);
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => decorate(bind(...values), sql);
    const around = wrap.statement(sql);
    if (around) {
      for (const method of ["first", "all", "raw", "run"] as const) {
        const original = (stmt[method] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
        (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => around(() => original(...args));
      }
    }
    return stmt;
  };
  // A plain object, not one inheriting from the session: making each request's session a prototype
  // costs V8 a prototype setup per request. prepare, batch and getBookmark are all a session has.
  return {
    prepare: (sql: string) => decorate(prepare(sql), sql),
    batch: <T>(statements: D1PreparedStatement[]) => wrap.batch(statements)(() => batch<T>(statements)),
    getBookmark: () => session.getBookmark(),
  };
}
