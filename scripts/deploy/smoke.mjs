import { SignJWT } from "jose";
import { DeployError } from "./provision.mjs";

/**
 * Calls the deployed API until it answers like this API: /health (D1 reachable) and a market list
 * (D1, limiter, envelope). A new workers.dev hostname can take a little while to resolve, so it
 * retries until `timeoutMs`.
 *
 * @param {string} baseUrl
 * @param {{ timeoutMs?: number, intervalMs?: number }} [options]
 * @returns {Promise<string[]>} one line per passed check
 */
export async function smoke(baseUrl, { timeoutMs = 60_000, intervalMs = 3000 } = {}) {
  const checks = [
    { path: "/health", ok: (status, body) => status === 200 && body?.data?.status === "ok" },
    { path: "/api/markets?limit=1", ok: (status, body) => status === 200 && body?.success === true && Array.isArray(body.data) },
  ];
  const passed = [];
  const deadline = Date.now() + timeoutMs;
  for (const check of checks) {
    let last = "no answer";
    for (;;) {
      const started = Date.now();
      try {
        const res = await fetch(new URL(check.path, baseUrl), { signal: AbortSignal.timeout(10_000) });
        const body = await res.json().catch(() => undefined);
        if (check.ok(res.status, body)) {
          passed.push(`GET ${check.path} ${res.status} (${Date.now() - started} ms)`);
          break;
        }
        last = `${res.status} ${JSON.stringify(body)?.slice(0, 300)}`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
      if (Date.now() + intervalMs > deadline) {
        throw new DeployError(`smoke test failed: GET ${check.path} answered ${last}. Roll back with \`npx wrangler rollback --env production\` (docs/operations.md "A bad deploy").`);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  return passed;
}

/**
 * The search backfill: `POST /api/admin/reindex` with a short-lived admin token signed with the
 * deployed JWT secret (issuer/audience from the production vars). Answers how many jobs it queued.
 *
 * @param {string} baseUrl
 * @param {{ secret: string, issuer?: string, audience?: string }} jwt
 * @returns {Promise<number>}
 */
export async function backfill(baseUrl, jwt) {
  const token = new SignJWT({ role: "admin", name: "deploy" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("deploy")
    .setIssuedAt()
    .setExpirationTime("5m");
  if (jwt.issuer) token.setIssuer(jwt.issuer);
  if (jwt.audience) token.setAudience(jwt.audience);
  const res = await fetch(new URL("/api/admin/reindex", baseUrl), {
    method: "POST",
    headers: { Authorization: `Bearer ${await token.sign(new TextEncoder().encode(jwt.secret))}` },
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.json().catch(() => undefined);
  if (res.status !== 202) throw new DeployError(`backfill failed: POST /api/admin/reindex answered ${res.status} ${JSON.stringify(body)?.slice(0, 300)}; run it again (it is idempotent)`);
  return Number(body?.data?.count ?? 0);
}
