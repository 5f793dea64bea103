// What the scenarios' request builders get (see SCENARIOS in scenarios.mjs): ids, tokens, cursors.
import { randomBytes } from "node:crypto";
import { send } from "./client.mjs";
import { signToken } from "./tokens.mjs";

/**
 * The scenarios' context over the seeded dataset; `deepCursor` stays empty until {@link findDeepCursor}.
 * @param {ReturnType<typeof import("./dataset.mjs").generateDataset>} dataset
 * @param {{ secret: string, vars: Record<string, string> }} signer
 */
export async function scenarioContext(dataset, signer) {
  const active = dataset.markets.filter((m) => m.status === "active");
  const tokenUsers = dataset.users.slice(2, 52);
  // The dataset's admin (bench-user-0001), for the reindex that builds the search index.
  const admin = dataset.users[0];
  return {
    cachedIds: dataset.markets.slice(0, 200).map((m) => m.id),
    uncachedIds: dataset.markets.filter((_, i) => i % 5 === 0).map((m) => m.id),
    // Writes go to other markets than the cached reads, so a write round never empties their cache.
    activeIds: active.slice(-500).map((m) => m.id),
    tokens: await Promise.all(tokenUsers.map((u) => signToken(signer, u.id, { role: u.role, name: u.displayName, email: u.email }))),
    tokenUserIds: tokenUsers.map((u) => u.id),
    deepCursor: "",
    // Distinguishes this run's Idempotency-Keys from any earlier run's on the same data.
    runId: randomBytes(6).toString("hex"),
    adminToken: await signToken(signer, admin.id, { role: "admin", name: admin.displayName }),
  };
}

/**
 * The real cursor after 4 000 rows of the volume-ordered list, obtained by paging as a client does.
 * @param {string} url the API server's address
 */
export async function findDeepCursor(url) {
  let cursor = "";
  let seen = 0;
  while (seen < 4_000) {
    const { res, body } = await send(url, { method: "GET", path: `/api/markets?sort=volume&order=desc&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` });
    if (res.status !== 200) throw new Error(`paging for the deep cursor: ${res.status} ${body}`);
    const page = JSON.parse(body);
    seen += page.data.length;
    cursor = page.meta.nextCursor;
  }
  return cursor;
}
