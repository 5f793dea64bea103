import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

/** Drizzle over a D1 binding (or a D1 session, which has the same query surface). */
export type Database = DrizzleD1Database<typeof schema>;

/** Wraps a D1 binding; cheap enough to do per request. */
export const createDatabase = (d1: D1Database): Database => drizzle(d1, { schema });
