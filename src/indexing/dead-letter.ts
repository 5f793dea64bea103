import { errorFields, type Logger } from "../log/logger";
import type { IndexFailureRepository, NewIndexFailure } from "./index-failure.repository";
import { INDEX_MAX_RETRIES, INDEX_QUEUE_NAME, IndexJobSchema } from "./index-job";
import { retryDelaySeconds } from "./consumer";

/** What the dead-letter consumer needs. */
export interface DeadLetterDeps {
  failures: IndexFailureRepository;
  logger: Logger;
  random?: () => number;
}

/**
 * Consumer of the dead-letter queue: every job that exhausted its retries is logged and recorded
 * in `index_failures` (one statement for the batch), where GET /api/admin/index-failures lists it
 * and POST /api/admin/index-failures/replay sends it again. The cause is in the consumer's earlier
 * "index jobs failed" log lines for the same market ids. If D1 cannot take the records, the batch
 * is retried with backoff.
 */
export async function recordDeadLetters(batch: MessageBatch<unknown>, deps: DeadLetterDeps): Promise<number> {
  const failures: NewIndexFailure[] = [];
  for (const message of batch.messages) {
    const parsed = IndexJobSchema.safeParse(message.body);
    if (!parsed.success) {
      deps.logger.error("invalid dead-lettered message dropped", { messageId: message.id, body: JSON.stringify(message.body)?.slice(0, 200) });
      continue;
    }
    failures.push({
      job: parsed.data,
      source: "dead_letter",
      error: `Retries exhausted on ${INDEX_QUEUE_NAME}`,
      attempts: INDEX_MAX_RETRIES + 1,
    });
  }
  try {
    await deps.failures.record(failures);
  } catch (err) {
    // The jobs themselves go in the line: this queue has no dead-letter queue of its own, so after
    // its last retry the log is the only record of them.
    deps.logger.error("dead-lettered index jobs not recorded; retrying", { count: failures.length, jobs: failures.map((f) => f.job), ...errorFields(err) });
    for (const m of batch.messages) m.retry({ delaySeconds: retryDelaySeconds(m.attempts, deps.random) });
    return 0;
  }
  if (failures.length > 0) {
    deps.logger.error("index jobs dead-lettered; recorded in index_failures for replay", {
      count: failures.length,
      jobs: failures.map((f) => f.job),
    });
  }
  batch.ackAll();
  return failures.length;
}
