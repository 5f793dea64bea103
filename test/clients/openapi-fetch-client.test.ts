import { exports } from "cloudflare:workers";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { actor } from "../helpers/fixtures";
import type { operations, paths } from "./generated/openapi";

// The operation names the example in docs/api.md uses.
type NewPosition = operations["createPosition"]["requestBody"]["content"]["application/json"];
type MarketPage = operations["listMarkets"]["responses"][200]["content"]["application/json"];

// A client built only from /openapi.json (types by openapi-typescript, calls by openapi-fetch), as a
// consumer in another codebase would, calling the worker's real fetch entry.
const client = (token?: string) =>
  createClient<paths>({
    baseUrl: "https://api.test",
    fetch: (request: Request) => exports.default.fetch(request),
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });

describe("client generated from /openapi.json (openapi-fetch)", () => {
  it("creates a market, takes a position and pages through the results with typed inputs and outputs", async () => {
    const { token, sub } = await actor();
    const created = await client(token).POST("/api/markets", {
      body: { name: "Generated client market", description: "via openapi-fetch", initialPosition: { side: "yes", amount: 300 } },
    });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error(`expected a market, got ${JSON.stringify(created.error)}`);
    expect(created.data.data.creator.id).toBe(sub);
    expect(created.data.data.volume).toBe(300);
    const id = created.data.data.id;

    const stake: NewPosition = { side: "no", amount: 200 };
    const position = await client(token).POST("/api/markets/{id}/positions", { params: { path: { id } }, body: stake });
    expect(position.response.status).toBe(201);
    expect(position.data?.data.market.volume).toBe(500);
    const page: MarketPage | undefined = (await client().GET("/api/markets", { params: { query: { limit: 1 } } })).data;
    expect(page?.meta.limit).toBe(1);

    const got = await client().GET("/api/markets/{id}", { params: { path: { id } } });
    expect(got.data?.data).toMatchObject({ id, name: "Generated client market", volume: 500 });

    const first = await client().GET("/api/markets/{id}/positions", { params: { path: { id }, query: { limit: 1 } } });
    expect(first.data?.data).toHaveLength(1);
    const cursor = first.data?.meta.nextCursor;
    if (!cursor) throw new Error("expected a second page");
    const second = await client().GET("/api/markets/{id}/positions", { params: { path: { id }, query: { limit: 1, cursor } } });
    expect(second.data?.data).toHaveLength(1);
    expect(second.data?.meta.nextCursor).toBeNull();
    expect(second.data?.data[0]?.id).not.toBe(first.data?.data[0]?.id);
  });

  it("returns the documented error envelope, with a code a client can switch on", async () => {
    const missing = await client().GET("/api/markets/{id}", { params: { path: { id: "no-such-market" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("not_found");
    expect(missing.error?.requestId).toBe(missing.response.headers.get("X-Request-Id"));

    const { token } = await actor();
    const invalid = await client(token).POST("/api/markets", { body: { name: "no" } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.error.code).toBe("validation_failed");
    // Typed details: {location, path, message}[] on a 400.
    const details = invalid.error?.error.details;
    expect(Array.isArray(details) && details[0]?.location).toBe("json");
  });
});
