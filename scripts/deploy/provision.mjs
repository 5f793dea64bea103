import { ENV, VECTOR_DIMENSIONS, VECTOR_METADATA_INDEXES, VECTOR_METRIC } from "./plan.mjs";
import { parseJson } from "./preflight.mjs";
import { alreadyExists, tail, wrangler } from "./wrangler.mjs";

/** Thrown when a step fails; the deploy stops and prints the message. */
export class DeployError extends Error {
  name = "DeployError";
}

/**
 * @typedef {{ what: string, outcome: "created" | "exists" }} Provisioned
 */

/**
 * Creates what `wrangler deploy` cannot provision itself, treating "already exists" as success:
 * the D1 database (migrations must reach it before the first deploy; the binding declared without
 * an id is then linked to it by name), every queue, and the Vectorize index with its metadata
 * index (before any vector is written: vectors written earlier are not filterable). The KV
 * namespace is left to wrangler's automatic provisioning on deploy.
 *
 * @param {import("./plan.mjs").DeployPlan} plan
 * @returns {Promise<Provisioned[]>}
 */
export async function provision(plan) {
  const done = [];
  const create = async (what, args) => {
    const result = await wrangler(args);
    if (result.code === 0) done.push({ what, outcome: "created" });
    else if (alreadyExists(result)) done.push({ what, outcome: "exists" });
    else throw new DeployError(`creating ${what} failed (\`wrangler ${args.join(" ")}\`):\n${tail(result)}`);
  };

  await create(`D1 database ${plan.d1.name}`, ["d1", "create", plan.d1.name]);
  for (const queue of plan.queues) await create(`queue ${queue}`, ["queues", "create", queue]);
  await create(`Vectorize index ${plan.vectorIndex}`, [
    "vectorize", "create", plan.vectorIndex, "--dimensions", String(VECTOR_DIMENSIONS), "--metric", VECTOR_METRIC,
  ]);

  // An index that existed before may have been made for another model: refuse it rather than
  // deploy a worker whose every vector write would fail.
  const got = await wrangler(["vectorize", "get", plan.vectorIndex, "--json"]);
  const config = got.code === 0 ? parseJson(got.stdout)?.config : undefined;
  if (!config) throw new DeployError(`reading Vectorize index ${plan.vectorIndex} failed:\n${tail(got)}`);
  if (config.dimensions !== VECTOR_DIMENSIONS || config.metric !== VECTOR_METRIC) {
    throw new DeployError(
      `Vectorize index ${plan.vectorIndex} has ${config.dimensions} dimensions and metric ${config.metric}; the embedder needs ` +
        `${VECTOR_DIMENSIONS}/${VECTOR_METRIC}. Delete it (\`npx wrangler vectorize delete ${plan.vectorIndex}\`) and deploy again: the first deploy backfills it.`,
    );
  }

  const listed = await wrangler(["vectorize", "list-metadata-index", plan.vectorIndex, "--json"]);
  if (listed.code !== 0) throw new DeployError(`listing metadata indexes of ${plan.vectorIndex} failed:\n${tail(listed)}`);
  const existing = parseJson(listed.stdout) ?? [];
  for (const { propertyName, type } of VECTOR_METADATA_INDEXES) {
    const what = `metadata index ${plan.vectorIndex}.${propertyName}`;
    if (existing.some((m) => m.propertyName === propertyName)) done.push({ what, outcome: "exists" });
    else await create(what, ["vectorize", "create-metadata-index", plan.vectorIndex, "--property-name", propertyName, "--type", type]);
  }
  return done;
}

/**
 * Applies pending D1 migrations to the remote database. A failure throws before anything is
 * deployed, so the live code never runs against a schema it was not written for.
 *
 * @param {import("./plan.mjs").DeployPlan} plan
 * @returns {Promise<"applied" | "none pending">}
 */
export async function migrate(plan) {
  const result = await wrangler(["d1", "migrations", "apply", plan.d1.binding, "--remote", "--env", ENV], { echo: true });
  if (result.code !== 0) {
    throw new DeployError(
      `D1 migration failed; nothing was deployed (the previous version still serves). ` +
        `See docs/operations.md "A migration failed".\n${tail(result)}`,
    );
  }
  return /No migrations to apply/i.test(result.stdout) ? "none pending" : "applied";
}
