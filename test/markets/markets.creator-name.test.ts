import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { createMarket } from "../helpers/fixtures";
import { hsToken, uniqueSub } from "../helpers/tokens";

// Lists read the creator's name from the market row (no users join); these pin how it stays right.
describe("the creator's name on markets", () => {
  it("follows a rename: the next write with a new name claim updates every market of that user", async () => {
    const sub = uniqueSub();
    const before = await hsToken({ sub, extra: { name: "Old Name" } });
    const a = await createMarket(before);
    const b = await createMarket(before);
    const after = await hsToken({ sub, extra: { name: "New Name" } });
    await createMarket(after);
    for (const id of [a.id, b.id]) {
      expect((await call("GET", `/api/markets/${id}`)).json.data.creator).toEqual({ id: sub, displayName: "New Name" });
    }
    const list = await call("GET", "/api/markets?sort=created_at&order=desc&limit=100");
    const mine = (list.json.data as { creator: { id: string; displayName: string } }[]).filter((m) => m.creator.id === sub);
    expect(mine.map((m) => m.creator.displayName)).toEqual(["New Name", "New Name", "New Name"]);
  });

  it("costs no market writes when a write repeats the same name", async () => {
    const sub = uniqueSub();
    const token = await hsToken({ sub, extra: { name: "Same Name" } });
    await createMarket(token);
    await createMarket(token);
    const rename = (name: string) => env.DB.prepare("UPDATE users SET display_name = ? WHERE id = ?").bind(name, sub).run();
    const same = await rename("Same Name");
    const changed = await rename("Other Name");
    // A real rename also rewrites the user's two markets; repeating the name writes only the user.
    expect(changed.meta.rows_written).toBeGreaterThanOrEqual(same.meta.rows_written + 2);
  });

  it("is filled from users when a market is inserted without it (seeding, imports)", async () => {
    const sub = uniqueSub();
    await env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?, 'Seeded Person')").bind(sub).run();
    const id = crypto.randomUUID();
    await env.DB.prepare("INSERT INTO markets (id, name, creator_id) VALUES (?, 'Seeded market', ?)").bind(id, sub).run();
    expect((await call("GET", `/api/markets/${id}`)).json.data.creator).toEqual({ id: sub, displayName: "Seeded Person" });
  });
});
