import { sql, type SQL } from "drizzle-orm";
import type { Principal } from "./principal";
import type { Database } from "../db/client";
import { users } from "../db/schema";

/**
 * The statement that creates or refreshes the caller's stored profile (their users row) from token
 * claims, returned unexecuted so it runs in the same `db.batch` as the write it belongs to. Claims
 * a token leaves out keep what is stored (a first insert falls back to the subject as name and
 * "user" as role). `onlyIf` makes it write nothing unless the condition holds in that transaction
 * (the write's own guard), so a refused write never touches the caller's profile.
 *
 * @example await db.batch([upsertProfile(db, principal), insertMarket]);
 */
export function upsertProfile(db: Database, principal: Principal, onlyIf?: SQL) {
  const { name, email, role } = principal.claims;
  // SELECT … WHERE rather than VALUES, for the guard; the WHERE also keeps SQLite from reading
  // ON CONFLICT as a join constraint.
  return db
    .insert(users)
    .select(
      sql`SELECT ${principal.id}, ${email}, ${name ?? principal.id}, ${role ?? "user"}, (unixepoch('subsec') * 1000) WHERE ${onlyIf ?? sql`1`}`,
    )
    .onConflictDoUpdate({
      target: users.id,
      set: {
        email: sql`coalesce(${email}, ${users.email})`,
        displayName: sql`coalesce(${name}, ${users.displayName})`,
        role: sql`coalesce(${role}, ${users.role})`,
      },
    });
}
