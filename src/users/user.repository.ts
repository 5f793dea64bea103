import { sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/client";
import { users } from "../db/schema";

/**
 * The statement that creates or refreshes a user from token claims. Returned unexecuted so
 * callers can put it in the same `db.batch` as the write that needs the user row.
 *
 * @example await db.batch([upsertUserStatement(db, principal), insertMarket]);
 */
export function upsertUserStatement(db: Database, principal: Principal) {
  return db
    .insert(users)
    .values({
      id: principal.id,
      email: principal.email,
      displayName: principal.displayName,
      role: principal.role,
    })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        email: sql`excluded.email`,
        displayName: sql`excluded.display_name`,
        role: sql`excluded.role`,
      },
    });
}
