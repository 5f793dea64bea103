import * as z from "zod";

/** The queue carrying index jobs (wrangler.toml: producer INDEX_QUEUE, consumer of this queue). */
export const INDEX_QUEUE_NAME = "index-jobs";
/** Where the platform moves a job after its last retry (wrangler.toml: dead_letter_queue). */
export const INDEX_DLQ_NAME = "index-jobs-dlq";
/** max_retries of the index-jobs consumer in wrangler.toml (a test keeps the two equal). */
export const INDEX_MAX_RETRIES = 5;
/** Messages per `sendBatch` call, the Queues limit. */
export const SEND_BATCH_LIMIT = 100;

/**
 * What the consumer should do about one market: re-embed it (`upsert`) or drop its vector
 * (`delete`). `version` is the market's search version after the write that produced the job; a
 * delete carries one more than the market's last, so it outranks every upsert before it.
 */
export interface IndexJob {
  op: "upsert" | "delete";
  marketId: string;
  version: number;
}

/** Shape check for message bodies: the queue may hold messages from older or foreign producers. */
export const IndexJobSchema = z.object({
  op: z.enum(["upsert", "delete"]),
  marketId: z.string().min(1).max(64),
  version: z.number().int().min(1),
});
