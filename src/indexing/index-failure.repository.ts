import { asc, desc, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inList } from "../db/in-list";
import { type After, afterRow, pageOf } from "../db/keyset";
import { indexFailures } from "../db/schema";
import type { IndexJob } from "./index-job";

/** Where an index job was lost. */
export type IndexFailureSource = "send" | "dead_letter";

/** A lost index job, waiting to be replayed. */
export interface IndexFailure extends IndexJob {
  id: string;
  source: IndexFailureSource;
  /** What went wrong (safe to show admins: no SQL or stacks). */
  error: string;
  /** Deliveries the job had before it was given up on (0 when it was never sent). */
  attempts: number;
  createdAt: number;
}

/** A failure to record. */
export interface NewIndexFailure {
  job: IndexJob;
  source: IndexFailureSource;
  error: string;
  attempts: number;
}

/** A newest-first page request: `after` is the (createdAt, id) of the previous page's last row. */
export interface IndexFailurePageQuery {
  limit: number;
  after?: After<number>;
}

const columns = {
  id: indexFailures.id,
  marketId: indexFailures.marketId,
  op: indexFailures.op,
  version: indexFailures.version,
  source: indexFailures.source,
  error: indexFailures.error,
  attempts: indexFailures.attempts,
  createdAt: indexFailures.createdAt,
};
const ERROR_MAX_CHARS = 500;

/** Lost index jobs in the D1 table `index_failures`, through Drizzle. */
export class IndexFailureRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Records all of them in one statement. */
  async record(failures: NewIndexFailure[]): Promise<void> {
    if (failures.length === 0) return;
    const createdAt = this.now();
    const rows = failures.map((f) => ({
      id: this.newId(),
      marketId: f.job.marketId,
      op: f.job.op,
      version: f.job.version,
      source: f.source,
      error: f.error.slice(0, ERROR_MAX_CHARS),
      attempts: f.attempts,
    }));
    // Any number of rows in one statement and one bound parameter (D1 allows 100 per statement).
    await this.db.run(sql`
      INSERT INTO ${indexFailures} (id, market_id, op, version, source, error, attempts, created_at)
      SELECT value ->> 'id', value ->> 'marketId', value ->> 'op', value ->> 'version', value ->> 'source',
             value ->> 'error', value ->> 'attempts', ${createdAt}
      FROM json_each(${JSON.stringify(rows)})`);
  }

  /** Newest first, keyset-paged. */
  async list(q: IndexFailurePageQuery) {
    const rows: IndexFailure[] = await this.db
      .select(columns)
      .from(indexFailures)
      .where(afterRow(indexFailures.createdAt, indexFailures.id, q.after, "desc"))
      .orderBy(desc(indexFailures.createdAt), desc(indexFailures.id))
      .limit(q.limit + 1);
    return pageOf(rows, q.limit);
  }

  /** The oldest `limit` failures, to replay. */
  oldest(limit: number): Promise<IndexFailure[]> {
    return this.db.select(columns).from(indexFailures).orderBy(asc(indexFailures.createdAt), asc(indexFailures.id)).limit(limit);
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.delete(indexFailures).where(inList(indexFailures.id, ids));
  }
}
