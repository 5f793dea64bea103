// `npm run deploy`: from an empty Cloudflare account (or an existing deployment) to the API live
// on production. Preflight (nothing remote changes until it passes) -> provision what wrangler
// cannot -> remote D1 migrations -> wrangler deploy -> smoke test -> search backfill on the first
// deploy. Every step is idempotent; docs/deploy.md explains each one.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copyDocsAssets } from "../docs-assets.mjs";
import { ENV, readPlan } from "./plan.mjs";
import { preflight } from "./preflight.mjs";
import { DeployError, migrate, provision } from "./provision.mjs";
import { deployWorker } from "./release.mjs";
import { backfill, smoke } from "./smoke.mjs";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));
const say = (line) => console.log(line);
const env = process.env;

try {
  const plan = readPlan();
  say(`Preflight (${plan.workerName}, env ${ENV})`);
  const pre = await preflight(plan, env);
  if (pre.problems.length > 0) {
    console.error(`\nDeploy stopped before changing anything. Fix these, then run \`npm run deploy\` again:\n${pre.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  say(`  ok: logged in; ${pre.workerExists ? "Worker exists" : "first deploy of this Worker"}; secrets from the environment: ${Object.keys(pre.secretsToUpload).join(", ") || "none"}`);

  say("Resources");
  const resources = await provision(plan);
  for (const r of resources) say(`  ${r.outcome === "created" ? "created" : "exists "} ${r.what}`);

  say(`D1 migrations (remote ${plan.d1.name})`);
  const migrations = await migrate(plan);
  say(`  ${migrations}`);

  say("Deploy");
  copyDocsAssets();
  const deployed = await deployWorker(pre.secretsToUpload);
  const url = env.DEPLOY_URL ?? deployed.url;
  if (!url) throw new DeployError("deployed, but wrangler printed no URL to test (workers_dev off?): set DEPLOY_URL to the API's https:// origin and run again");
  say(`  version ${deployed.versionId ?? "?"} at ${url}`);

  say("Smoke test");
  const timeoutMs = env.DEPLOY_SMOKE_TIMEOUT_MS ? Number(env.DEPLOY_SMOKE_TIMEOUT_MS) : undefined;
  for (const line of await smoke(url, timeoutMs === undefined ? {} : { timeoutMs, intervalMs: Math.min(3000, timeoutMs / 4) })) say(`  ok ${line}`);

  // A new Worker or a new vector index means vectors are missing: enqueue every market once.
  const vectorIndexCreated = resources.some((r) => r.what.startsWith("Vectorize index") && r.outcome === "created");
  if (!pre.workerExists || vectorIndexCreated || process.argv.includes("--backfill")) {
    say("Search backfill");
    if (env.JWT_SECRET) {
      const count = await backfill(url, { secret: env.JWT_SECRET, issuer: str(plan.vars.JWT_ISSUER), audience: str(plan.vars.JWT_AUDIENCE) });
      say(`  ${count} markets queued for indexing`);
    } else {
      say(`  needed, but JWT_SECRET is not in this environment: run \`JWT_SECRET=… npm run deploy -- --backfill\`, or POST ${url}/api/admin/reindex with an admin token`);
    }
  }

  const changed = resources.filter((r) => r.outcome === "created").length;
  say(
    `\nDone: ${changed === 0 ? "no resource created" : `${changed} resource(s) created`}, migrations ${migrations}, ` +
      `${Object.keys(pre.secretsToUpload).length} secret(s) uploaded, version ${deployed.versionId ?? "?"} live at ${url}`,
  );
} catch (err) {
  if (!(err instanceof DeployError)) throw err;
  console.error(`\nDeploy stopped: ${err.message}`);
  process.exit(1);
}

function str(value) {
  return value ? String(value) : undefined;
}
