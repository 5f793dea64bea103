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
  after?: { value: number; id: string };
}

/** Storage port for lost index jobs. */
export interface IndexFailureRepository {
  /** Records all of them in one statement. */
  record(failures: NewIndexFailure[]): Promise<void>;
  /** Newest first, keyset-paged. */
  list(query: IndexFailurePageQuery): Promise<{ items: IndexFailure[]; hasMore: boolean }>;
  /** The oldest `limit` failures, to replay. */
  oldest(limit: number): Promise<IndexFailure[]>;
  remove(ids: string[]): Promise<void>;
}
