import { describe, expect, it } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";

describe("who may change a market", () => {
  it("anonymous callers may read but not write (401 with a Bearer challenge)", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    expect((await call("GET", "/api/markets")).res.status).toBe(200);
    expect((await call("GET", `/api/markets/${m.id}`)).res.status).toBe(200);

    const before = await tableCounts();
    for (const [method, path] of [
      ["POST", "/api/markets"],
      ["PUT", `/api/markets/${m.id}`],
      ["PATCH", `/api/markets/${m.id}`],
      ["DELETE", `/api/markets/${m.id}`],
    ] as const) {
      const { res, json } = await call(method, path, { body: { name: "Anonymous write" } });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect(json.error?.code).toBe("unauthorized");
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("another user may not change someone else's market (403) and nothing changes", async () => {
    const alice = await actor();
    const bob = await actor();
    const m = await createMarket(alice.token, { name: "Alice's market" });
    for (const [method, body] of [
      ["PATCH", { name: "Bob was here" }],
      ["PUT", { name: "Bob was here", description: "", status: "closed" }],
    ] as const) {
      const { res, json } = await call(method, `/api/markets/${m.id}`, { token: bob.token, body });
      expect(res.status).toBe(403);
      expect(json.error?.code).toBe("forbidden");
    }
    const after = (await call("GET", `/api/markets/${m.id}`)).json.data;
    expect(after).toEqual(m);
  });

  it("a plain user may not delete, not even their own market (delete needs the delete permission)", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    const { res, json } = await call("DELETE", `/api/markets/${m.id}`, { token: alice.token });
    expect(res.status).toBe(403);
    expect(json.error?.message).toContain("delete");
    expect((await call("GET", `/api/markets/${m.id}`)).res.status).toBe(200);
  });

  it.each(["moderator", "admin"] as const)("a %s may change any market", async (role) => {
    const alice = await actor();
    const staff = await actor(role);
    const m = await createMarket(alice.token);
    const { res, json } = await call("PATCH", `/api/markets/${m.id}`, { token: staff.token, body: { status: "closed" } });
    expect(res.status).toBe(200);
    expect(json.data.status).toBe("closed");
    expect(json.data.creator.id).toBe(alice.sub);
  });

  it("an admin may delete any market", async () => {
    const alice = await actor();
    const admin = await actor("admin");
    const m = await createMarket(alice.token);
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: admin.token })).res.status).toBe(204);
  });

  it("every role may create a market", async () => {
    for (const role of ["user", "moderator", "admin"] as const) {
      const a = await actor(role);
      const m = await createMarket(a.token);
      expect(m.status).toBe("active");
    }
  });
});
