import { consumeIndexJobs, type IndexBatchReport } from "./indexing/consumer";
import { recordDeadLetters } from "./indexing/dead-letter";
import { INDEX_DLQ_NAME, INDEX_QUEUE_NAME } from "./indexing/index-job";
import { createLogger } from "./log/logger";
import { type AdapterOptions, createIndexingServices } from "./services";

/**
 * The worker's `queue` entry: dispatches a batch to the consumer of the queue it came from
 * (index jobs, or their dead letters). Exported with `options` so a benchmark or test can run the
 * real consumer over a batch with measured adapters.
 *
 * @example await handleQueue(batch, env); // what the platform calls
 */
export async function handleQueue(
  batch: MessageBatch<unknown>,
  env: Env,
  options: AdapterOptions = {},
): Promise<IndexBatchReport | number> {
  const logger = createLogger({ queue: batch.queue });
  const services = createIndexingServices(env, logger, options);
  if (batch.queue === INDEX_QUEUE_NAME) return consumeIndexJobs(batch, services);
  if (batch.queue === INDEX_DLQ_NAME) return recordDeadLetters(batch, services);
  logger.error("no consumer for this queue", { messages: batch.messages.length });
  throw new Error(`No consumer for queue ${batch.queue}`);
}
