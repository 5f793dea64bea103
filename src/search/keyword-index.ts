import type { MarketStatus } from "../db/schema";
import { words } from "./words";
import type { VectorMatch } from "./vector-index";

/** More terms than this add little to ranking and only cost time. */
const MAX_TERMS = 16;

/**
 * Turns user input into a safe FTS5 MATCH expression: its words (letters and digits only), each
 * quoted as a string, joined with OR so BM25 ranks markets matching more of them higher. Quoting
 * means FTS5 syntax in the input (quotes, `*`, `NEAR`, `AND`, `-`, `col:`, parentheses) is just
 * text and can never make the query fail. Null when the input has no words.
 *
 * @example toFtsQuery('rain AND "Lisbon*') // '"rain" OR "and" OR "lisbon"'
 */
export function toFtsQuery(input: string): string | null {
  const terms = [...new Set(words(input))].slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" OR ");
}

/**
 * Keyword search over markets' name and description with D1's FTS5 (`markets_fts`, kept in step
 * with `markets` by triggers in the same transaction as every write), ranked by BM25.
 */
export class KeywordIndex {
  constructor(private readonly db: D1Database | D1DatabaseSession) {}

  /** Best matches first; `score` is the negated BM25 rank, so higher is better. */
  async search(query: string, { limit, status }: { limit: number; status?: MarketStatus | undefined }): Promise<VectorMatch[]> {
    const match = toFtsQuery(query);
    if (match === null) return [];
    const rows = await this.db
      .prepare(
        `SELECT m.id, markets_fts.rank FROM markets_fts JOIN markets m ON m.rowid = markets_fts.rowid
         WHERE markets_fts MATCH ?1 AND (?2 IS NULL OR m.status = ?2) ORDER BY markets_fts.rank LIMIT ?3`,
      )
      .bind(match, status ?? null, limit)
      .raw<[string, number]>();
    return rows.map(([id, rank]) => ({ id, score: -rank }));
  }

  /** Re-reads every market into the index (after a restore or a rebuilt markets table). */
  async rebuild(): Promise<void> {
    await this.db.prepare("INSERT INTO markets_fts (markets_fts) VALUES ('rebuild')").run();
  }
}
