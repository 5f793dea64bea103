import { spawn } from "node:child_process";

/**
 * @typedef {{ code: number, stdout: string, stderr: string }} WranglerResult
 */

/**
 * Runs `wrangler` (the first one on PATH: node_modules/.bin under npm) with `args`, capturing its
 * output. With `echo`, output is also shown as it arrives (long steps: migrations, deploy).
 * Never throws for a non-zero exit: callers decide what a failure means.
 *
 * @param {string[]} args
 * @param {{ echo?: boolean }} [options]
 * @returns {Promise<WranglerResult>}
 */
export function wrangler(args, { echo = false } = {}) {
  return new Promise((resolve) => {
    // CI=true: wrangler never prompts (a prompt would hang the deploy) and picks its defaults.
    const child = spawn("wrangler", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(indent(chunk));
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(indent(chunk));
    });
    child.on("error", (err) => resolve({ code: 127, stdout, stderr: `${stderr}${err.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const indent = (chunk) => String(chunk).replace(/^(?=.)/gm, "    ");

// What the Cloudflare API answers (through wrangler) when a create finds the resource already
// there: D1 "A database with that name already exists", Queues "Queue name '…' is already taken"
// [code: 11009], Vectorize "vectorize.index.duplicate_name" [code: 3002], KV "already exists".
const ALREADY_EXISTS = /already exists|already taken|duplicate_name|\[code: 11009\]/i;

/**
 * True when a failed create only means the resource exists (treated as success: idempotent runs).
 * @param {WranglerResult} result
 */
export const alreadyExists = (result) => result.code !== 0 && ALREADY_EXISTS.test(`${result.stdout}\n${result.stderr}`);

/**
 * The last lines of wrangler's output, for an error message that says what went wrong.
 * @param {WranglerResult} result
 */
export function tail(result, lines = 8) {
  const text = `${result.stdout}\n${result.stderr}`.trim().split("\n").filter((l) => l.trim() !== "");
  return text.slice(-lines).join("\n");
}
