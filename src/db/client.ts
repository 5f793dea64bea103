import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

/** Drizzle over a D1 binding (or a D1 session, which has the same query surface). */
export type Database = DrizzleD1Database;

/**
 * Wraps a D1 binding or session; cheap enough to do per request. Drizzle only calls prepare()
 * and batch(), which a Sessions API session provides, so reads and writes follow its bookmark.
 * No `schema` is passed: the repositories use the query builder only, and with a schema Drizzle
 * would rebuild its relational-query model from every table on each call, i.e. on every request.
 */
export const createDatabase = (d1: D1Database | D1DatabaseSession): Database => drizzle(d1 as D1Database);
