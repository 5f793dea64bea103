import { ApiError } from "../http/errors";
import type { CursorCodec, CursorScope } from "../pagination/cursor";
import type { KeywordIndex } from "../search/keyword-index";
import type { IndexFailure, IndexFailureRepository } from "./index-failure.repository";
import type { MarketIndexSource } from "./market-index-source";
import type { IndexJobProducer } from "./producer";

/** Markets read per page while enqueueing a reindex. */
const REINDEX_PAGE = 1000;
/** Failures replayed per request at most. */
export const MAX_REPLAY = 1000;

const FAILURES_SCOPE: CursorScope = { key: "index-failures", value: "number" };

const queueUnavailable = (done: number, what: string) =>
  new ApiError(503, "service_unavailable", `The index queue refused jobs after ${done} ${what}; retry shortly`, { done }, {
    "Retry-After": "30",
  });

/** Operations on the search index: backfill, and the lost jobs (list, replay). */
export class IndexAdminService {
  constructor(
    private readonly source: MarketIndexSource,
    private readonly keywords: KeywordIndex,
    private readonly producer: IndexJobProducer,
    private readonly failures: IndexFailureRepository,
    private readonly cursors: CursorCodec,
  ) {}

  /**
   * Rebuilds the keyword index and enqueues an upsert job for every market at its current version
   * (pages of 1000 by id, `sendBatch` of 100): the backfill after a model change, a fresh
   * Vectorize index or a restore. Jobs are idempotent, so repeating it is safe.
   */
  async reindex(): Promise<{ count: number }> {
    await this.keywords.rebuild();
    let count = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.source.versionsAfter(after, REINDEX_PAGE);
      if (page.length === 0) break;
      const { sent, unsent } = await this.producer.send(page.map((m) => ({ op: "upsert", marketId: m.id, version: m.searchVersion })));
      count += sent;
      if (unsent.length > 0) throw queueUnavailable(count, "markets were enqueued");
      if (page.length < REINDEX_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    return { count };
  }

  /** Lost jobs, newest first, keyset-paged like every list. */
  async listFailures(req: { limit: number; cursor?: string | undefined }) {
    const after = req.cursor === undefined ? undefined : await this.cursors.decode(FAILURES_SCOPE, req.cursor);
    const page = await this.failures.list({ limit: req.limit, ...(after ? { after: { value: after.value as number, id: after.id } } : {}) });
    return this.cursors.paginate(FAILURES_SCOPE, page, (f: IndexFailure) => ({ value: f.createdAt, id: f.id }));
  }

  /** Sends up to `limit` of the oldest lost jobs again and removes the ones the queue took. */
  async replay(limit = MAX_REPLAY): Promise<{ replayed: number; remaining: boolean }> {
    const rows = await this.failures.oldest(limit + 1);
    const batch = rows.slice(0, limit);
    const { sent, unsent } = await this.producer.send(batch.map(({ op, marketId, version }) => ({ op, marketId, version })));
    await this.failures.remove(batch.slice(0, sent).map((f) => f.id));
    if (unsent.length > 0) throw queueUnavailable(sent, "lost jobs were replayed");
    return { replayed: sent, remaining: rows.length > limit };
  }
}
