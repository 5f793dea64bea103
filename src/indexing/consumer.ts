import { errorFields, type Logger } from "../log/logger";
import { type BackoffPolicy, backoffDelay } from "../lib/retry";
import { type Embedder, marketText } from "../search/embedder";
import type { VectorIndex } from "../search/vector-index";
import { type IndexJob, IndexJobSchema } from "./index-job";
import type { IndexableMarket, MarketIndexSource } from "./market-index-source";

/**
 * Delay before a failed job is delivered again, in seconds, by delivery attempt: about 10, 20, 40,
 * 80, 160 (up to a quarter less, at random, so jobs that failed together spread out), never more
 * than 5 minutes. With max_retries = 5 a job is dead-lettered after about 5 minutes of failures.
 */
export const QUEUE_RETRY_SECONDS: BackoffPolicy = { base: 10, cap: 300, jitter: 0.25 };

/** The `delaySeconds` for retrying a message on its `attempts`-th delivery (1 = first). */
export const retryDelaySeconds = (attempts: number, random?: () => number) =>
  Math.ceil(backoffDelay(attempts, QUEUE_RETRY_SECONDS, random));

/** What the consumer needs; built by the composition root (src/services.ts). */
export interface IndexConsumerDeps {
  source: MarketIndexSource;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  logger: Logger;
  random?: () => number;
}

/** What one batch did, message by message (logged, and returned for callers that measure). */
export interface IndexBatchReport {
  received: number;
  upserted: number;
  deleted: number;
  /** Acknowledged without work: superseded in the batch, stale, or for a market that is gone. */
  skipped: number;
  /** Bodies that are not index jobs: logged and acknowledged (retrying cannot fix them). */
  invalid: number;
  retried: number;
}

type Msg = Message<unknown>;

/** A later version wins; at the same version a delete wins over an upsert. */
const outranks = (a: IndexJob, b: IndexJob) => a.version > b.version || (a.version === b.version && a.op === "delete");

/**
 * Consumes one batch of index jobs with a fixed number of calls whatever its size: ONE D1 query
 * for every market in it, ONE embedding call for all texts, ONE vector upsert and ONE vector
 * delete. Idempotent under redelivery and reordering: per market only the highest version in the
 * batch counts, and it is compared with the market's current search version (older -> skipped;
 * market gone -> its vector is deleted by the delete job, upserts are skipped).
 * Failures retry only the messages that depended on the failed call, with exponential backoff
 * and jitter; after max_retries the platform moves them to the dead-letter queue.
 */
export async function consumeIndexJobs(batch: MessageBatch<unknown>, deps: IndexConsumerDeps): Promise<IndexBatchReport> {
  const started = Date.now();
  const report: IndexBatchReport = { received: batch.messages.length, upserted: 0, deleted: 0, skipped: 0, invalid: 0, retried: 0 };
  const retry = (messages: Msg[], reason: string, err?: unknown) => {
    deps.logger.error("index jobs failed; retrying with backoff", {
      reason,
      marketIds: messages.map((m) => (m.body as IndexJob).marketId),
      ...(err === undefined ? {} : errorFields(err)),
    });
    for (const m of messages) m.retry({ delaySeconds: retryDelaySeconds(m.attempts, deps.random) });
    report.retried += messages.length;
  };
  const skip = (m: Msg) => {
    m.ack();
    report.skipped++;
  };

  // The newest job per market; older ones in the same batch are already superseded.
  const latest = new Map<string, { job: IndexJob; message: Msg }>();
  for (const message of batch.messages) {
    const parsed = IndexJobSchema.safeParse(message.body);
    if (!parsed.success) {
      deps.logger.error("invalid index job dropped", { messageId: message.id, body: JSON.stringify(message.body)?.slice(0, 200) });
      message.ack();
      report.invalid++;
      continue;
    }
    const job = parsed.data;
    const seen = latest.get(job.marketId);
    if (!seen) latest.set(job.marketId, { job, message });
    else if (outranks(job, seen.job)) {
      skip(seen.message);
      latest.set(job.marketId, { job, message });
    } else skip(message);
  }
  if (latest.size === 0) return finish();

  let current: Map<string, IndexableMarket>;
  try {
    current = new Map((await deps.source.findForIndexing([...latest.keys()])).map((m) => [m.id, m]));
  } catch (err) {
    retry([...latest.values()].map((e) => e.message), "reading markets failed", err);
    return finish();
  }

  const upserts: { market: IndexableMarket; message: Msg }[] = [];
  const deletes: { id: string; message: Msg }[] = [];
  const behind: Msg[] = [];
  for (const [id, { job, message }] of latest) {
    const market = current.get(id);
    if (job.op === "delete") {
      if (market) skip(message); // ids are never reused: a market that exists outranks this delete
      else deletes.push({ id, message });
    } else if (!market || market.searchVersion > job.version) {
      skip(message); // gone (its delete job removes the vector) or a newer job is on its way
    } else if (market.searchVersion < job.version) {
      behind.push(message); // read a replica that has not seen the write yet
    } else {
      upserts.push({ market, message });
    }
  }
  if (behind.length > 0) retry(behind, "market older than the job (replica behind)");

  await Promise.all([
    (async () => {
      if (upserts.length === 0) return;
      try {
        const vectors = await deps.embedder.embed(upserts.map((u) => marketText(u.market)));
        await deps.vectorIndex.upsert(
          upserts.map(({ market }, i) => ({
            id: market.id,
            values: vectors[i]!,
            metadata: { status: market.status, version: market.searchVersion },
          })),
        );
        for (const u of upserts) u.message.ack();
        report.upserted += upserts.length;
      } catch (err) {
        retry(upserts.map((u) => u.message), "embedding or vector upsert failed", err);
      }
    })(),
    (async () => {
      if (deletes.length === 0) return;
      try {
        await deps.vectorIndex.deleteByIds(deletes.map((d) => d.id));
        for (const d of deletes) d.message.ack();
        report.deleted += deletes.length;
      } catch (err) {
        retry(deletes.map((d) => d.message), "vector delete failed", err);
      }
    })(),
  ]);
  return finish();

  function finish() {
    // Index lag: how long the oldest job waited between its send and this batch (Workers Logs
    // reads it as the search index's staleness; docs/operations.md).
    const oldest = Math.min(started, ...batch.messages.map((m) => m.timestamp.getTime()));
    deps.logger.info("index batch", { queue: batch.queue, ...report, lagMs: started - oldest, durationMs: Date.now() - started });
    return report;
  }
}
