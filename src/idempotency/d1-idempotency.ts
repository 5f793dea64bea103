import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { idempotencyKeys, markets, users } from "../db/schema";
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord, type StoredResponse } from "./idempotency";

/** Expired keys removed per write: enough to keep the table to about a day of writes. */
const SWEEP = 10;

/**
 * Statements to append to a write's batch (after the write): clear this key if it expired, sweep
 * a few other expired keys, store the response. The insert fails on a live key with the same
 * (user, key), which aborts the whole batch: a concurrent duplicate writes nothing. With `onlyIf`
 * the response is stored only when the condition holds in that transaction (the write happened).
 */
export function storeResponseStatements(db: Database, r: IdempotencyRecord, onlyIf?: SQL) {
  const expired = r.createdAt - IDEMPOTENCY_TTL_MS;
  const fills = (r.fill ?? []).map((f) =>
    f.from === "userName"
      ? sql`${f.path}, (SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${r.userId})`
      : sql`${f.path}, (SELECT ${markets.volume} FROM ${markets} WHERE ${markets.id} = ${f.marketId})`,
  );
  const body = fills.length > 0 ? sql`json_set(${r.body}, ${sql.join(fills, sql`, `)})` : sql`${r.body}`;
  return [
    db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, r.userId), eq(idempotencyKeys.key, r.key), lte(idempotencyKeys.createdAt, expired))),
    db
      .delete(idempotencyKeys)
      .where(
        sql`rowid IN (SELECT rowid FROM ${idempotencyKeys} WHERE ${idempotencyKeys.createdAt} <= ${expired} ORDER BY ${idempotencyKeys.createdAt} LIMIT ${SWEEP})`,
      ),
    db
      .insert(idempotencyKeys)
      .select(
        sql`SELECT ${r.userId}, ${r.key}, ${r.requestHash}, ${r.status}, ${body}, ${r.location ?? null}, ${r.createdAt} WHERE ${onlyIf ?? sql`1`}`,
      ),
  ] as const;
}

/** Looks up the live response stored for a user's key. */
export async function findStoredResponse(
  db: Database,
  userId: string,
  key: string,
  now: number,
): Promise<(StoredResponse & { requestHash: string }) | null> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body, location: idempotencyKeys.location })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), gt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)));
  return row ? { ...row, location: row.location ?? undefined } : null;
}

/** True when a batch failed because another request stored the same key first. */
export function isDuplicateKey(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/UNIQUE constraint failed: idempotency_keys\./.test(e.message)) return true;
  }
  return false;
}

/**
 * Reads stored responses; the composition root builds one per request. Every lookup runs in a
 * session of its own that starts at the primary: a replica (which the request's session may read
 * from) can lag behind the commit of the very key a retry or a concurrent duplicate is asking about.
 */
export class IdempotencyStore {
  constructor(
    private readonly primary: () => Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live response stored for a user's key, with the hash of the request that produced it. */
  find(userId: string, key: string) {
    return findStoredResponse(this.primary(), userId, key, this.now());
  }
}
