import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { hsToken, uniqueSub } from "../helpers/tokens";

const user = (id: string) =>
  env.DB.prepare("SELECT display_name AS name, email, role FROM users WHERE id = ?").bind(id).first<{ name: string; email: string | null; role: string }>();

// hsToken puts `name` and `role` in every token; undefined in `extra` leaves a claim out.
const bare = (sub: string) => hsToken({ sub, extra: { name: undefined, role: undefined } });

describe("tokens never silently erase a stored profile", () => {
  it("a token without name/email/role keeps the stored ones, on every kind of write", async () => {
    const sub = uniqueSub("alice");
    const full = await hsToken({ sub, role: "moderator", extra: { name: "Alice", email: "alice@example.com" } });
    const m = await createMarket(full);
    const token = await bare(sub);
    // create, update, position and a create with its Idempotency-Key: none of them renames Alice.
    const created = await call("POST", "/api/markets", { token, body: { name: "Made with a bare token" } });
    expect(created.json.data.creator).toEqual({ id: sub, displayName: "Alice" });
    const keyed = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": crypto.randomUUID() }, body: { name: "Keyed, bare token" } });
    expect(keyed.json.data.creator.displayName).toBe("Alice");
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, body: { description: "still Alice's" } })).res.status).toBe(200);
    const position = await call("POST", `/api/markets/${m.id}/positions`, { token, body: { side: "yes", amount: 3 } });
    expect(position.json.data.user).toEqual({ id: sub, displayName: "Alice" });

    expect(await user(sub)).toEqual({ name: "Alice", email: "alice@example.com", role: "moderator" });
    // The name copied onto her markets (a trigger follows users.display_name) is untouched too.
    const names = await env.DB.prepare("SELECT DISTINCT creator_name AS n FROM markets WHERE creator_id = ?").bind(sub).all<{ n: string }>();
    expect(names.results.map((r) => r.n)).toEqual(["Alice"]);
  });

  it("a replayed Idempotency-Key response shows the stored name, as the first response did", async () => {
    const sub = uniqueSub("bob");
    await createMarket(await hsToken({ sub, extra: { name: "Bob Stored" } }));
    const token = await bare(sub);
    const key = crypto.randomUUID();
    const body = { name: "Idempotent and nameless" };
    const first = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": key }, body });
    const again = await call("POST", "/api/markets", { token, headers: { "Idempotency-Key": key }, body });
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    expect(first.json.data.creator.displayName).toBe("Bob Stored");
  });

  it("a first write with a bare token names the user after the subject, as before", async () => {
    const sub = uniqueSub("new");
    const m = await createMarket(await bare(sub));
    expect((await call("GET", `/api/markets/${m.id}`)).json.data.creator.displayName).toBe(sub);
    expect(await user(sub)).toEqual({ name: sub, email: null, role: "user" });
  });

  it("refused writes leave the caller's profile alone: 404 delete, 409 update, refused position", async () => {
    const sub = uniqueSub("mod");
    await createMarket(await hsToken({ sub, role: "moderator", extra: { name: "Old Name" } }));
    const renamed = await hsToken({ sub, role: "moderator", extra: { name: "New Name" } });
    const before = await tableCounts();
    expect((await call("DELETE", "/api/markets/does-not-exist", { token: renamed })).res.status).toBe(404);
    const resolved = await createMarket((await actor()).token);
    await call("PATCH", `/api/markets/${resolved.id}`, { token: (await actor("admin")).token, body: { status: "resolved" } });
    expect((await call("PATCH", `/api/markets/${resolved.id}`, { token: renamed, body: { name: "Too late" } })).res.status).toBe(409);
    expect((await call("POST", `/api/markets/${resolved.id}/positions`, { token: renamed, body: { side: "no", amount: 1 } })).res.status).toBe(409);
    expect((await call("POST", "/api/markets/missing/positions", { token: renamed, body: { side: "no", amount: 1 } })).res.status).toBe(404);
    expect((await user(sub))!.name).toBe("Old Name");
    // A stranger's refused write does not create their users row either.
    const stranger = uniqueSub("stranger");
    expect((await call("POST", "/api/markets/missing/positions", { token: await hsToken({ sub: stranger }), body: { side: "no", amount: 1 } })).res.status).toBe(404);
    expect(await user(stranger)).toBeNull();
    // Only the users behind the writes that succeeded: the resolved market's creator and the admin.
    expect((await tableCounts()).users).toBe(before.users + 2);
  });
});
