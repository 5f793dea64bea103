import { type Column, type Placeholder, type SQL, sql } from "drizzle-orm";

/** Where a keyset page resumes: the sort value and id of the previous page's last row. */
export interface After<V extends string | number = string | number> {
  value: V;
  id: string;
}

/** A page of rows and whether more exist. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/**
 * Rows strictly after `after` in the listing's order by (column, id), or undefined without one. A
 * row-value comparison is what lets SQLite seek straight into a (…, column, id) index: a deep page
 * reads only its own rows. Placeholders instead of values render a statement that is bound later
 * (see compileSelect).
 *
 * @example .where(and(eq(positions.marketId, id), afterRow(positions.createdAt, positions.id, q.after, "desc")))
 */
export function afterRow(column: Column, id: Column, after: After | { value: Placeholder; id: Placeholder } | undefined, order: "asc" | "desc"): SQL | undefined {
  if (!after) return undefined;
  return order === "asc"
    ? sql`(${column}, ${id}) > (${after.value}, ${after.id})`
    : sql`(${column}, ${id}) < (${after.value}, ${after.id})`;
}

/** The page in `rows` read with `.limit(limit + 1)`: the extra row only says that more exist. */
export const pageOf = <T>(rows: T[], limit: number): Page<T> => ({ items: rows.slice(0, limit), hasMore: rows.length > limit });
