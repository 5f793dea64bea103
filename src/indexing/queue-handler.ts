import { createLogger } from "../http/logger";
import { type AdapterOptions, createIndexingServices } from "../services";
import { consumeIndexJobs, type IndexBatchReport } from "./consumer";
import { recordDeadLetters } from "./dead-letter";
import { INDEX_DLQ_NAME, INDEX_QUEUE_NAME } from "./index-job";

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
