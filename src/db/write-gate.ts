import { allRead, type Around, decorateSession, isRead } from "./decorate-session";

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
  const afterAdmission: Around = async (run) => {
    await admitted;
    return run();
  };
  const now: Around = (run) => run();
  return decorateSession(session, {
    statement: (sql) => (isRead(sql) ? undefined : afterAdmission),
    batch: (statements) => (allRead(statements) ? now : afterAdmission),
  });
}
