import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Path of the local secrets file wrangler reads in dev (never committed). */
export const DEV_VARS = ".dev.vars";

/**
 * Returns the local JWT secret, creating .dev.vars with a random one when missing.
 * @returns {string}
 */
export function ensureDevSecret() {
  if (!existsSync(DEV_VARS)) {
    writeFileSync(DEV_VARS, `JWT_SECRET=${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    console.log(`created ${DEV_VARS} with a random JWT_SECRET`);
  }
  const secret = /^JWT_SECRET=(.+)$/m.exec(readFileSync(DEV_VARS, "utf8"))?.[1]?.trim();
  if (!secret) throw new Error(`${DEV_VARS} has no JWT_SECRET line; delete the file to regenerate it`);
  return secret;
}
