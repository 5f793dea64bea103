import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

/** Drizzle over a D1 binding (or a D1 session, which has the same query surface). */
export type Database = DrizzleD1Database<typeof schema>;

/**
 * Wraps a D1 binding or session; cheap enough to do per request. Drizzle only calls prepare()
 * and batch(), which a Sessions API session provides, so reads and writes follow its bookmark.
 */
export const createDatabase = (d1: D1Database | D1DatabaseSession): Database =>
  drizzle(d1 as D1Database, { schema });
