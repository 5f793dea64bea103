import path from "node:path";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { INDEX_DLQ_NAME, INDEX_MAX_RETRIES, INDEX_QUEUE_NAME } from "../../src/indexing/index-job";

const configPath = path.resolve(import.meta.dirname, "../../wrangler.toml");
const read = (env?: string) => unstable_readConfig({ config: configPath, ...(env ? { env } : {}) }, { hideWarnings: true });

// Bindings are not inherited by wrangler environments: each must declare the queues itself.
describe.each([["default", undefined], ["production", "production"]])("wrangler.toml (%s environment)", (_, env) => {
  const config = read(env);

  it("produces index jobs on INDEX_QUEUE and consumes them with retries and a dead-letter queue", () => {
    expect(config.queues.producers).toContainEqual(expect.objectContaining({ binding: "INDEX_QUEUE", queue: INDEX_QUEUE_NAME }));
    const consumer = config.queues.consumers?.find((c) => c.queue === INDEX_QUEUE_NAME);
    expect(consumer).toMatchObject({ max_batch_size: 100, max_retries: INDEX_MAX_RETRIES, dead_letter_queue: INDEX_DLQ_NAME });
    expect(consumer!.max_batch_timeout).toBeLessThanOrEqual(5);
    expect(config.queues.consumers?.find((c) => c.queue === INDEX_DLQ_NAME)).toBeDefined();
  });

  it(env ? "binds Workers AI and Vectorize" : "leaves Workers AI and Vectorize out (no local simulator)", () => {
    if (env) {
      expect(config.ai?.binding).toBe("AI");
      expect(config.vectorize).toEqual([expect.objectContaining({ binding: "VECTORIZE", index_name: "markets" })]);
    } else {
      expect(config.ai).toBeUndefined();
      expect(config.vectorize).toEqual([]);
    }
  });
});

describe("wrangler.toml (production, as `npm run deploy` needs it)", () => {
  const config = read("production");

  it("declares D1 and KV without ids, so nothing account-specific is committed", () => {
    expect(config.d1_databases).toEqual([expect.objectContaining({ binding: "DB", database_name: "markets" })]);
    expect(config.d1_databases[0]!.database_id).toBeUndefined();
    expect(config.kv_namespaces).toEqual([expect.objectContaining({ binding: "CACHE" })]);
    expect(config.kv_namespaces[0]!.id).toBeUndefined();
  });

  it("turns Workers Logs on with a stated sampling rate", () => {
    expect(config.observability).toMatchObject({ enabled: true, head_sampling_rate: 1 });
  });
});
