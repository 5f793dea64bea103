import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { call } from "./api";
import { hsToken, uniqueSub } from "./tokens";

/** A fresh user (unique subject) with a token for the given role. */
export async function actor(role: "user" | "moderator" | "admin" = "user") {
  const sub = uniqueSub(role);
  return { sub, token: await hsToken({ sub, role }) };
}

/** Creates a market through the API and returns its body. */
export async function createMarket(token: string, body: Record<string, unknown> = {}) {
  const { res, json } = await call("POST", "/api/markets", {
    token,
    body: { name: `Market ${crypto.randomUUID()}`, description: "test market", ...body },
  });
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.data as { id: string; name: string; description: string; status: string; volume: number };
}

/**
 * Writes `n` markets straight to D1, as a restore or a lost job would leave them: keyword-indexed
 * by the FTS triggers, but no index job is enqueued. Returns their ids.
 */
export async function insertMarkets(n: number, o: { version?: number; status?: string } = {}) {
  const creator = uniqueSub("direct");
  const ids = Array.from({ length: n }, (_, i) => `${creator}-${i}`);
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?, 'Direct writer')").bind(creator),
    env.DB.prepare(
      `INSERT INTO markets (id, name, description, status, creator_id, search_version)
       SELECT value, 'Will market ' || value || ' resolve', 'about ' || value, ?2, ?3, ?4 FROM json_each(?1)`,
    ).bind(JSON.stringify(ids), o.status ?? "active", creator, o.version ?? 1),
  ]);
  return ids;
}
