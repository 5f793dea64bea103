import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * `column IN (values)` with the values bound as ONE JSON parameter, whatever their number: D1
 * allows 100 bound parameters per statement.
 *
 * @example .where(inList(markets.id, ids))
 */
export const inList = (column: Column, values: readonly string[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/**
 * The same condition for a plain D1 statement (no Drizzle): bind the values at `param` as one JSON
 * array, e.g. `.bind(JSON.stringify(ids))`.
 *
 * @example db.prepare(`DELETE FROM market_vectors WHERE ${inJsonList("market_id")}`).bind(JSON.stringify(ids))
 */
export const inJsonList = (column: string, param = "?1"): string => `${column} IN (SELECT value FROM json_each(${param}))`;
