import { unstable_readConfig } from "wrangler";

/** The environment `npm run deploy` targets. */
export const ENV = "production";

// Fixed by the embedding model (WorkersAiEmbedder: bge-base-en-v1.5) and by the query filter
// (VectorizeVectorIndex filters on `status`); a test checks these against the worker's modules.
export const VECTOR_DIMENSIONS = 768;
export const VECTOR_METRIC = "cosine";
export const VECTOR_METADATA_INDEXES = [{ propertyName: "status", type: "string" }];

/**
 * @typedef {object} DeployPlan
 * @property {string} workerName
 * @property {{ binding: string, name: string, id?: string }} d1
 * @property {{ binding: string, id?: string }[]} kv
 * @property {string[]} queues every queue the worker produces to, consumes or dead-letters into
 * @property {string} vectorIndex
 * @property {Record<string, unknown>} vars
 * @property {string[]} requiredSecrets
 */

/**
 * What the production environment of wrangler.toml asks for, read with wrangler's own parser.
 * @param {string} [configPath]
 * @returns {DeployPlan}
 */
export function readPlan(configPath = "wrangler.toml") {
  const config = unstable_readConfig({ config: configPath, env: ENV }, { hideWarnings: true });
  const d1 = config.d1_databases[0];
  const vectorIndex = config.vectorize[0]?.index_name;
  if (!d1?.database_name || !vectorIndex) throw new Error(`${configPath} [env.${ENV}] needs a D1 database_name and a Vectorize index`);
  const queues = new Set([
    ...(config.queues.producers ?? []).map((p) => p.queue),
    ...(config.queues.consumers ?? []).flatMap((c) => [c.queue, c.dead_letter_queue]),
  ]);
  queues.delete(undefined);
  return {
    workerName: config.name ?? "",
    d1: { binding: d1.binding, name: d1.database_name, ...(d1.database_id ? { id: d1.database_id } : {}) },
    kv: config.kv_namespaces.map((k) => ({ binding: k.binding, ...(k.id ? { id: k.id } : {}) })),
    queues: [...queues],
    vectorIndex,
    vars: config.vars,
    // Upstash credentials are required whenever the limiter must be global (src/config.ts).
    requiredSecrets: ["JWT_SECRET", ...(config.vars.RATE_LIMIT_REQUIRE_UPSTASH === "true" ? ["UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"] : [])],
  };
}
