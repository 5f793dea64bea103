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
