import { errorFields, type Logger } from "../http/logger";
import { OUTBOUND_RETRY, type RetryOptions, withRetry } from "../lib/retry";
import type { IndexFailureRepository } from "./index-failure.repository";
import { type IndexJob, SEND_BATCH_LIMIT } from "./index-job";

/** What happened to a send: how many jobs the queue took, which it did not, and why. */
export interface SendResult {
  sent: number;
  unsent: IndexJob[];
  error?: unknown;
}

/**
 * Puts index jobs on the INDEX_QUEUE: `sendBatch` in chunks of 100 (the Queues limit), each chunk
 * retried on transient failures. A job is never silently lost: `enqueue` records whatever the
 * queue refused in `index_failures` for replay, and logs it.
 */
export class IndexJobProducer {
  constructor(
    private readonly queue: Queue<IndexJob>,
    private readonly failures: IndexFailureRepository,
    private readonly waitUntil: (p: Promise<unknown>) => void,
    private readonly logger: Logger,
    private readonly retry: RetryOptions = OUTBOUND_RETRY,
  ) {}

  /**
   * After a successful write: sends in the background (the response does not wait) and records
   * unsent jobs for replay. Never throws — the write already succeeded.
   */
  enqueue(jobs: IndexJob[]): void {
    this.waitUntil(this.sendOrRecord(jobs));
  }

  /** Sends now; stops at the first chunk the queue refuses and reports the rest as unsent. */
  async send(jobs: IndexJob[]): Promise<SendResult> {
    for (let i = 0; i < jobs.length; i += SEND_BATCH_LIMIT) {
      const chunk = jobs.slice(i, i + SEND_BATCH_LIMIT);
      try {
        await withRetry(() => this.queue.sendBatch(chunk.map((body) => ({ body, contentType: "json" }))), this.retry);
      } catch (error) {
        return { sent: i, unsent: jobs.slice(i), error };
      }
    }
    return { sent: jobs.length, unsent: [] };
  }

  private async sendOrRecord(jobs: IndexJob[]): Promise<void> {
    const { unsent, error } = await this.send(jobs);
    if (unsent.length === 0) return;
    const fields = { count: unsent.length, marketIds: unsent.map((j) => j.marketId), ...errorFields(error) };
    try {
      await this.failures.record(unsent.map((job) => ({ job, source: "send", error: describe(error), attempts: 0 })));
      this.logger.error("index jobs not sent; recorded in index_failures for replay", fields);
    } catch (recordError) {
      // Last resort: the jobs themselves are in this log line, to replay by hand.
      this.logger.error("index jobs lost: not sent and not recorded", { ...fields, jobs: unsent, recordError: String(recordError) });
    }
  }
}

/** A short, client-safe description of a failure. */
export const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
