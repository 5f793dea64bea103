import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";

describe("POST /api/markets", () => {
  it("creates an active market owned by the caller and upserts the caller's user row", async () => {
    const alice = await actor();
    const { res, json } = await call("POST", "/api/markets", {
      token: alice.token,
      body: { name: "  Will it rain tomorrow?  ", description: "Resolves on the weather report." },
    });
    expect(res.status).toBe(201);
    expect(json.success).toBe(true);
    const m = json.data;
    expect(res.headers.get("location")).toBe(`/api/markets/${m.id}`);
    expect(m).toMatchObject({
      name: "Will it rain tomorrow?",
      description: "Resolves on the weather report.",
      status: "active",
      volume: 0,
      creator: { id: alice.sub, displayName: `User ${alice.sub}` },
    });
    expect(new Date(m.createdAt).toISOString()).toBe(m.createdAt);
    expect(m.updatedAt).toBe(m.createdAt);

    const user = await env.DB.prepare("SELECT id, display_name, role FROM users WHERE id = ?").bind(alice.sub).first();
    expect(user).toEqual({ id: alice.sub, display_name: `User ${alice.sub}`, role: "user" });
  });

  it("defaults the description to empty", async () => {
    const { token } = await actor();
    const { json } = await call("POST", "/api/markets", { token, body: { name: "No description here" } });
    expect(json.data.description).toBe("");
  });
});

describe("GET /api/markets/:id", () => {
  it("returns the market with its creator", async () => {
    const alice = await actor();
    const created = await createMarket(alice.token, { name: "Readable market" });
    const { res, json } = await call("GET", `/api/markets/${created.id}`);
    expect(res.status).toBe(200);
    expect(json.data).toEqual(created);
  });

  it("is 404 in the envelope for an id that does not exist", async () => {
    const { res, json } = await call("GET", "/api/markets/does-not-exist");
    expect(res.status).toBe(404);
    expect(json).toMatchObject({ success: false, error: { code: "not_found" } });
    expect(json.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("is 400 for an id that cannot be an id", async () => {
    const { res, json } = await call("GET", `/api/markets/${"x".repeat(65)}`);
    expect(res.status).toBe(400);
    expect(json.error?.code).toBe("validation_failed");
    expect(json.error?.details[0]).toMatchObject({ location: "param", path: "id" });
  });
});

describe("PUT and PATCH /api/markets/:id", () => {
  it("lets the creator replace the editable fields", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { res, json } = await call("PUT", `/api/markets/${m.id}`, {
      token: alice.token,
      body: { name: "Renamed market", description: "new text", status: "closed" },
    });
    expect(res.status).toBe(200);
    expect(json.data).toMatchObject({ id: m.id, name: "Renamed market", description: "new text", status: "closed" });
    expect(Date.parse(json.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(json.data.createdAt));
  });

  it("PUT requires every editable field", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { res, json } = await call("PUT", `/api/markets/${m.id}`, { token: alice.token, body: { name: "Only a name" } });
    expect(res.status).toBe(400);
    const paths = json.error!.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["description", "status"]);
    expect((await call("GET", `/api/markets/${m.id}`)).json.data.name).toBe(m.name);
  });

  it("PATCH changes only the given fields", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token, { description: "keep me" });
    const { res, json } = await call("PATCH", `/api/markets/${m.id}`, { token: alice.token, body: { status: "closed" } });
    expect(res.status).toBe(200);
    expect(json.data).toMatchObject({ name: m.name, description: "keep me", status: "closed" });
  });

  it("PATCH with no field is a 400", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { res, json } = await call("PATCH", `/api/markets/${m.id}`, { token: alice.token, body: {} });
    expect(res.status).toBe(400);
    expect(json.error?.code).toBe("validation_failed");
  });

  it("is 404 for a market that does not exist", async () => {
    const alice = await actor();
    const { res } = await call("PATCH", "/api/markets/nope", { token: alice.token, body: { name: "Whatever name" } });
    expect(res.status).toBe(404);
  });

  it("refuses to change a resolved market (409)", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    await call("PATCH", `/api/markets/${m.id}`, { token: alice.token, body: { status: "resolved" } });
    const { res, json } = await call("PATCH", `/api/markets/${m.id}`, { token: alice.token, body: { status: "active" } });
    expect(res.status).toBe(409);
    expect(json.error?.code).toBe("conflict");
    expect((await call("GET", `/api/markets/${m.id}`)).json.data.status).toBe("resolved");
  });
});

describe("DELETE /api/markets/:id", () => {
  it("removes the market for a moderator, then it is gone", async () => {
    const alice = await actor();
    const mod = await actor("moderator");
    const m = await createMarket(alice.token);
    const del = await call("DELETE", `/api/markets/${m.id}`, { token: mod.token });
    expect(del.res.status).toBe(204);
    expect(del.text).toBe("");
    expect((await call("GET", `/api/markets/${m.id}`)).res.status).toBe(404);
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: mod.token })).res.status).toBe(404);
  });
});
