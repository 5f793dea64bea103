import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ENV } from "./plan.mjs";
import { DeployError } from "./provision.mjs";
import { tail, wrangler } from "./wrangler.mjs";

/**
 * `wrangler deploy --env production`, uploading `secrets` with the version (a 0600 file in a
 * private temporary directory, removed afterwards). D1 and KV bindings declared without ids are
 * provisioned and linked here by wrangler itself.
 *
 * @param {Record<string, string>} secrets
 * @returns {Promise<{ url: string | undefined, versionId: string | undefined }>}
 */
export async function deployWorker(secrets) {
  const args = ["deploy", "--env", ENV];
  let dir;
  if (Object.keys(secrets).length > 0) {
    dir = mkdtempSync(path.join(tmpdir(), "markets-deploy-"));
    const file = path.join(dir, "secrets.json");
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    args.push("--secrets-file", file);
  }
  try {
    const result = await wrangler(args, { echo: true });
    if (result.code !== 0) throw new DeployError(`\`wrangler deploy --env ${ENV}\` failed:\n${tail(result)}`);
    return {
      // wrangler lists the triggers after "Deployed <name> triggers": workers.dev first, then routes.
      url: /^\s+(https?:\/\/\S+)\s*$/m.exec(result.stdout)?.[1],
      versionId: /Current Version ID:\s*(\S+)/.exec(result.stdout)?.[1],
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
