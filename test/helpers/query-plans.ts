import { env } from "cloudflare:workers";

/** A statement the worker ran, as captured by countingD1. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** SQLite's plan for a captured statement (the `detail` column of EXPLAIN QUERY PLAN). */
export async function queryPlan(q: CapturedQuery): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
    .bind(...q.params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

/** Rows D1 reads to run a captured statement again (from the result's meta). */
export async function rowsRead(q: CapturedQuery): Promise<number> {
  const { meta } = await env.DB.prepare(q.sql).bind(...q.params).all();
  return meta.rows_read;
}

/** Plan lines that mean a full table scan or a sort the index should have provided. */
export const badPlanLines = (plan: string[]) =>
  plan.filter((d) => /^SCAN (markets|positions)\b(?! USING (COVERING )?INDEX)/.test(d) || /USE TEMP B-TREE/.test(d));
