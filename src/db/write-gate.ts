import { isRead } from "./retrying-session";

/**
 * The request's D1 session with every statement that writes (alone or in a batch) held until
 * `admitted` resolves; if it rejects, the write never runs and fails with its reason. Reads pass at
 * once. This is how a write's rate-limit decision overlaps with the look-ups the write needs (its
 * idempotency key, the market it changes) and still comes before anything commits.
 *
 * @example const session = holdWritesUntil(db.withSession("first-primary"), decision.then(() => {}));
 */
export function holdWritesUntil(session: D1DatabaseSession, admitted: Promise<unknown>): D1DatabaseSession {
  admitted.catch(() => {}); // rejections surface through the writes that wait for it
  const prepare = session.prepare.bind(session);
  const batch = session.batch.bind(session);
  const writes = new WeakSet<D1PreparedStatement>();
  const gate = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => gate(bind(...values), sql);
    if (!isRead(sql)) {
      writes.add(stmt);
      for (const method of ["first", "all", "raw", "run"] as const) {
        const original = (stmt[method] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
        (stmt as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
          await admitted;
          return original(...args);
        };
      }
    }
    return stmt;
  };
  return Object.assign(Object.create(session) as D1DatabaseSession, {
    prepare: (sql: string) => gate(prepare(sql), sql),
    batch: async <T>(statements: D1PreparedStatement[]) => {
      if (statements.some((s) => writes.has(s))) await admitted;
      return batch<T>(statements);
    },
    getBookmark: () => session.getBookmark(),
  });
}
