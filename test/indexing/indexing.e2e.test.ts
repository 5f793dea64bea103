import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { eventually } from "../helpers/queue";
import { nonce, search } from "../helpers/search";

// The whole path with nothing but real local parts: the write goes through the worker's fetch
// entry, its job through Miniflare's queue (real batching) to the worker's queue entry, which
// embeds with the hashing embedder and writes D1 vectors; search then reads them.
// `mode=semantic` throughout: keyword results come from FTS triggers and need no queue at all.

/** Ids ranked by vectors; empty when search had to fall back to keywords (nothing indexed). */
async function semanticIds(q: string, status?: string) {
  const { json } = await search({ q, mode: "semantic", ...(status ? { status } : {}) });
  return json.meta.served === "semantic" ? (json.data as { id: string }[]).map((h) => h.id) : [];
}
const vectorOf = (id: string) =>
  env.DB.prepare("SELECT status, version FROM market_vectors WHERE market_id = ?").bind(id).first<{ status: string; version: number }>();

describe("indexing through the local queue", () => {
  it("a created market becomes searchable by meaning", { timeout: 30_000 }, async () => {
    const word = nonce();
    const { token } = await actor();
    const m = await createMarket(token, { name: `Will the ${word} festival sell out`, description: "" });
    expect(await semanticIds(word)).not.toContain(m.id); // nothing indexed synchronously

    const ids = await eventually(async () => {
      const found = await semanticIds(word);
      return found.includes(m.id) ? found : undefined;
    }, 15_000, "the market to be indexed");
    expect(ids[0]).toBe(m.id);
    expect(await vectorOf(m.id)).toEqual({ status: "active", version: 1 });
  });

  it("an update makes the new text findable and the old text not", { timeout: 30_000 }, async () => {
    const [before, after] = [nonce("old"), nonce("new")];
    const { token } = await actor();
    const m = await createMarket(token, { name: `Will the ${before} bridge open`, description: "" });
    await eventually(async () => ((await semanticIds(before)).includes(m.id) ? true : undefined), 15_000, "first index");

    const res = await call("PATCH", `/api/markets/${m.id}`, { token, body: { name: `Will the ${after} tunnel close` } });
    expect(res.res.status).toBe(200);
    await eventually(async () => ((await semanticIds(after)).includes(m.id) ? true : undefined), 15_000, "re-index");
    expect(await semanticIds(before)).not.toContain(m.id);
    expect(await vectorOf(m.id)).toEqual({ status: "active", version: 2 });
  });

  it("a deleted market disappears from results and its vector is removed", { timeout: 30_000 }, async () => {
    const word = nonce();
    const { token } = await actor();
    const m = await createMarket(token, { name: `Will the ${word} comet be visible`, description: "" });
    await eventually(async () => ((await semanticIds(word)).includes(m.id) ? true : undefined), 15_000, "index");

    const moderator = await actor("moderator");
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: moderator.token })).res.status).toBe(204);
    // Search drops it at once (markets are read from D1); the delete job then removes the vector.
    expect(await semanticIds(word)).not.toContain(m.id);
    await eventually(async () => ((await vectorOf(m.id)) === null ? true : undefined), 15_000, "vector removal");
  });

  it("status changes reach the vector's metadata, so status-filtered semantic search follows them", { timeout: 30_000 }, async () => {
    const word = nonce();
    const { token } = await actor();
    const m = await createMarket(token, { name: `Will the ${word} league end early`, description: "" });
    await eventually(async () => ((await vectorOf(m.id))?.version === 1 ? true : undefined), 15_000, "index");
    await call("PATCH", `/api/markets/${m.id}`, { token, body: { status: "closed" } });
    await eventually(async () => ((await vectorOf(m.id))?.status === "closed" ? true : undefined), 15_000, "re-index");
    expect(await semanticIds(word, "closed")).toContain(m.id);
    expect(await semanticIds(word, "active")).not.toContain(m.id);
  });
});
