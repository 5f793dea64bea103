import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * `column IN (values)` with the values bound as ONE JSON parameter, whatever their number: D1
 * allows 100 bound parameters per statement.
 *
 * @example .where(inList(markets.id, ids))
 */
export const inList = (column: Column, values: readonly string[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
