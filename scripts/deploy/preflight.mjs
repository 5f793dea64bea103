import { ENV } from "./plan.mjs";
import { tail, wrangler } from "./wrangler.mjs";

/** Secrets the deploy uploads when they are set in its environment (see docs/deploy.md). */
export const UPLOADABLE_SECRETS = ["JWT_SECRET", "JWT_SECRET_PREVIOUS", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"];
const MIN_SECRET_BYTES = 32;
const ZERO_ID = /^[0-]+$/;

/**
 * @typedef {object} Preflight
 * @property {string[]} problems everything that must be fixed before anything remote happens
 * @property {boolean} workerExists false on the first deploy (wrangler knows no such Worker yet)
 * @property {Record<string, string>} secretsToUpload
 */

/**
 * Checks what can be checked without changing the account: credentials, secrets (set remotely or
 * given in the environment, and then long enough / https), and https-only URLs in the vars.
 * Every problem is collected, so one run lists all of them.
 *
 * @param {import("./plan.mjs").DeployPlan} plan
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<Preflight>}
 */
export async function preflight(plan, env) {
  const problems = [];
  const secretsToUpload = Object.fromEntries(UPLOADABLE_SECRETS.filter((n) => env[n]).map((n) => [n, /** @type {string} */ (env[n])]));

  for (const { binding, id } of [plan.d1, ...plan.kv]) {
    if (id && ZERO_ID.test(id)) problems.push(`wrangler.toml [env.${ENV}] binding ${binding} has a placeholder id: remove the id, the deploy provisions and links the resource`);
  }
  for (const [name, value] of Object.entries(secretsToUpload)) {
    if (name.startsWith("JWT_SECRET") && Buffer.byteLength(value) < MIN_SECRET_BYTES) {
      problems.push(`${name} is ${Buffer.byteLength(value)} bytes; it must be at least ${MIN_SECRET_BYTES} (e.g. openssl rand -base64 48)`);
    }
  }
  if (secretsToUpload.UPSTASH_REDIS_REST_URL) checkHttps(problems, "UPSTASH_REDIS_REST_URL", secretsToUpload.UPSTASH_REDIS_REST_URL);
  if (env.DEPLOY_URL) checkHttps(problems, "DEPLOY_URL", env.DEPLOY_URL);
  if (plan.vars.JWKS_URL) checkHttps(problems, `[env.${ENV}.vars] JWKS_URL`, String(plan.vars.JWKS_URL));
  for (const origin of String(plan.vars.CORS_ORIGINS ?? "").split(",").map((o) => o.trim())) {
    if (origin.startsWith("http://")) problems.push(`[env.${ENV}.vars] CORS_ORIGINS lists ${origin}: production origins must be https://`);
  }

  const who = await wrangler(["whoami", "--json"]);
  const user = who.code === 0 ? parseJson(who.stdout) : undefined;
  if (!user?.loggedIn) {
    problems.push("not logged in to Cloudflare: run `npx wrangler login`, or set CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID)");
    missingSecrets(problems, plan.requiredSecrets, [], secretsToUpload, "could not be listed (not logged in)");
    return { problems, workerExists: false, secretsToUpload };
  }
  if ((user.accounts?.length ?? 0) > 1 && !env.CLOUDFLARE_ACCOUNT_ID) {
    problems.push(`these credentials reach ${user.accounts.length} accounts: set CLOUDFLARE_ACCOUNT_ID to the one to deploy to`);
  }

  const listed = await wrangler(["secret", "list", "--env", ENV, "--format", "json"]);
  let remote = [];
  let workerExists = true;
  if (listed.code === 0) {
    remote = (parseJson(listed.stdout) ?? []).map((s) => s.name);
  } else if (/not found/i.test(`${listed.stdout}${listed.stderr}`)) {
    workerExists = false; // first deploy: secrets can only come from the environment
  } else {
    problems.push(`\`wrangler secret list --env ${ENV}\` failed:\n${tail(listed)}`);
  }
  missingSecrets(problems, plan.requiredSecrets, remote, secretsToUpload, workerExists ? "is not set on the Worker" : "is needed for the first deploy");
  return { problems, workerExists, secretsToUpload };
}

function checkHttps(problems, name, value) {
  if (!/^https:\/\//i.test(value)) problems.push(`${name} must be an https:// URL (got ${value.replace(/\/\/[^/@]*@/, "//…@")})`);
}

function missingSecrets(problems, required, remote, fromEnv, why) {
  for (const name of required) {
    if (!remote.includes(name) && !fromEnv[name]) {
      problems.push(`secret ${name} ${why}: export ${name}=… before \`npm run deploy\` (uploaded with the deploy), or \`npx wrangler secret put ${name} --env ${ENV}\``);
    }
  }
}

/** JSON printed by wrangler, after anything it may print first (a banner or a warning). */
export function parseJson(text) {
  const start = text.search(/[[{]/);
  try {
    return start === -1 ? undefined : JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
}
