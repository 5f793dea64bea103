import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Path of the local secrets file (never committed): `.dev.vars`, which wrangler reads by default,
 * or `DEV_VARS_FILE`, which `npm run dev` then hands to wrangler as `--env-file`. The browser test
 * points it into its temp dir, so a test run leaves no `.dev.vars` behind for the workers tests to
 * load (and print) and reads none a developer keeps.
 */
export const devVarsPath = () => process.env.DEV_VARS_FILE || ".dev.vars";

/**
 * Returns the local JWT secret, creating the file at {@link devVarsPath} with a random one when missing.
 * @returns {string}
 */
export function ensureDevSecret() {
  const DEV_VARS = devVarsPath();
  if (!existsSync(DEV_VARS)) {
    writeFileSync(DEV_VARS, `JWT_SECRET=${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    console.log(`created ${DEV_VARS} with a random JWT_SECRET`);
  }
  const secret = /^JWT_SECRET=(.+)$/m.exec(readFileSync(DEV_VARS, "utf8"))?.[1]?.trim();
  if (!secret) throw new Error(`${DEV_VARS} has no JWT_SECRET line; delete the file to regenerate it`);
  return secret;
}
