import { type Column, DrizzleQueryError, fillPlaceholders } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Database } from "./client";

/** Builds queries only (never runs them): Drizzle renders SQL without touching its client. */
const builder: Database = drizzle({} as D1Database);

/** The selected fields of a compiled select, in SELECT order. */
type Fields = Record<string, Column>;
/** One row of `F`, as Drizzle's select would return it. */
export type RowOf<F extends Fields> = { [K in keyof F]: F[K]["_"]["data"] };

/**
 * A select whose SQL Drizzle renders once per isolate, run on any D1 session. Drizzle's own
 * prepared statements belong to the client they were prepared on, and each request has its own
 * session; rendering the query (about 30 µs here) was the largest part of a read's own CPU.
 * Parameters are Drizzle placeholders (`sql.placeholder("id")`), filled per run; rows are decoded
 * by the same columns Drizzle would use.
 *
 * @example const byId = compileSelect(cols, (db) => db.select(cols).from(markets).where(eq(markets.id, sql.placeholder("id"))));
 * const rows = await byId(db, { id });
 */
export function compileSelect<F extends Fields>(
  fields: F,
  build: (db: Database) => { toSQL(): { sql: string; params: unknown[] } },
): (db: Database, values: Record<string, unknown>) => Promise<RowOf<F>[]> {
  const { sql, params } = build(builder).toSQL();
  const names = Object.keys(fields);
  const columns = names.map((name) => fields[name] as Column);
  return async (db, values) => {
    // drizzle() keeps the session it wraps as `$client` (createDatabase's type leaves it out).
    const d1 = (db as Database & { $client: D1Database }).$client;
    const bound = fillPlaceholders(params, values);
    let rows: unknown[][];
    try {
      rows = await d1.prepare(sql).bind(...bound).raw<unknown[]>();
    } catch (err) {
      // As Drizzle reports a failed query: the statement in the message, the driver's error as cause.
      throw new DrizzleQueryError(sql, bound, err instanceof Error ? err : undefined);
    }
    return rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const value = row[i];
        out[names[i] as string] = value === null ? null : (columns[i] as Column).mapFromDriverValue(value);
      }
      return out as RowOf<F>;
    });
  };
}
