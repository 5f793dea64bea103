import { exports } from "cloudflare:workers";
import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import type { AppType } from "../../src/index";
import { actor } from "../helpers/fixtures";

// Hono's RPC client, typed from the exported AppType, calling the worker's real fetch entry.
const client = (token?: string) =>
  hc<AppType>("https://api.test", {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init)),
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });

describe("typed RPC client (hc<AppType>)", () => {
  it("creates, reads and lists markets with typed inputs and outputs", async () => {
    const { token, sub } = await actor();
    const created = await client(token).api.markets.$post({ json: { name: "Typed client market", description: "via hc" } });
    expect(created.status).toBe(201);
    const body = await created.json();
    if (!("data" in body)) throw new Error("expected the success envelope");
    expect(body.data.creator.id).toBe(sub);

    const got = await client().api.markets[":id"].$get({ param: { id: body.data.id } });
    expect(got.status).toBe(200);
    const market = await got.json();
    if (!("data" in market)) throw new Error("expected the success envelope");
    expect(market.data.name).toBe("Typed client market");

    const list = await client().api.markets.$get({ query: { sort: "created_at", order: "desc", limit: "5" } });
    const page = await list.json();
    if (!("meta" in page)) throw new Error("expected a page");
    expect(page.meta.limit).toBe(5);
  });

  it("surfaces the error envelope on failure", async () => {
    const res = await client().api.markets[":id"].$get({ param: { id: "missing-market" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "not_found" } });
  });
});
