import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor } from "../helpers/fixtures";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

// Markets written straight to D1 with known values, tagged by a unique creator so assertions
// only look at this file's rows even if other files share the database.
const creator = `list-${crypto.randomUUID().slice(0, 8)}`;
const rows = [
  { id: `${creator}-a`, name: "Alpha", status: "active", volume: 500, createdAt: 1_000 },
  { id: `${creator}-b`, name: "Bravo", status: "closed", volume: 100, createdAt: 2_000 },
  { id: `${creator}-c`, name: "Charlie", status: "active", volume: 900, createdAt: 3_000 },
  { id: `${creator}-d`, name: "Delta", status: "resolved", volume: 100, createdAt: 4_000 },
  { id: `${creator}-e`, name: "Echo", status: "active", volume: 300, createdAt: 5_000 },
];

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, display_name, role) VALUES (?, ?, 'user')").bind(creator, "Lister"),
    ...rows.map((r) =>
      env.DB.prepare(
        "INSERT INTO markets (id, name, description, status, volume, creator_id, created_at, updated_at) VALUES (?, ?, 'hidden in lists', ?, ?, ?, ?, ?)",
      ).bind(r.id, r.name, r.status, r.volume, creator, r.createdAt, r.createdAt),
    ),
  ]);
});

const mine = (items: { id: string }[]) => items.filter((m) => m.id.startsWith(creator)).map((m) => m.id.slice(-1));

describe("GET /api/markets", () => {
  it("lists newest first by default, 20 per page, with creators embedded and no descriptions", async () => {
    const { res, json } = await call("GET", "/api/markets?limit=100");
    expect(res.status).toBe(200);
    expect(json.meta).toMatchObject({ limit: 100, offset: 0 });
    const item = json.data.find((m: { id: string }) => m.id === `${creator}-a`);
    expect(item).toEqual({
      id: `${creator}-a`,
      name: "Alpha",
      status: "active",
      volume: 500,
      creator: { id: creator, displayName: "Lister" },
      createdAt: new Date(1_000).toISOString(),
      updatedAt: new Date(1_000).toISOString(),
    });
    const created = json.data.map((m: { createdAt: string }) => Date.parse(m.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((await call("GET", "/api/markets")).json.meta.limit).toBe(20);
  });

  it.each([
    ["sort=volume&order=desc", ["c", "a", "e", "d", "b"]],
    ["sort=volume&order=asc", ["b", "d", "e", "a", "c"]],
    ["sort=name&order=asc", ["a", "b", "c", "d", "e"]],
    ["sort=created_at&order=asc", ["a", "b", "c", "d", "e"]],
    ["status=active&sort=volume&order=desc", ["c", "a", "e"]],
    ["status=closed", ["b"]],
  ])("%s orders and filters correctly (id breaks ties)", async (qs, expected) => {
    const { json } = await call("GET", `/api/markets?${qs}&limit=100`);
    expect(mine(json.data)).toEqual(expected);
  });

  it("pages with limit and offset and says whether more rows exist", async () => {
    const all = (await call("GET", "/api/markets?sort=name&order=asc&limit=100")).json.data.map((m: { id: string }) => m.id);
    const first = await call("GET", "/api/markets?sort=name&order=asc&limit=2&offset=0");
    const second = await call("GET", "/api/markets?sort=name&order=asc&limit=2&offset=2");
    expect(first.json.data.map((m: { id: string }) => m.id)).toEqual(all.slice(0, 2));
    expect(second.json.data.map((m: { id: string }) => m.id)).toEqual(all.slice(2, 4));
    expect(first.json.meta).toMatchObject({ limit: 2, offset: 0, hasMore: all.length > 2 });
    const last = await call("GET", `/api/markets?sort=name&order=asc&limit=100&offset=${all.length - 1}`);
    expect(last.json.meta.hasMore).toBe(false);
    expect(last.json.data).toHaveLength(1);
  });

  it.each([
    "sort=description",
    "sort=volume;DROP TABLE markets",
    "order=sideways",
    "limit=0",
    "limit=101",
    "limit=abc",
    "offset=-1",
    "offset=10001",
    "status=open",
    "colour=blue",
    "sort=name&sort=volume",
  ])("rejects %s with 400", async (qs) => {
    const { res, json } = await call("GET", `/api/markets?${qs}`);
    expect(res.status).toBe(400);
    expect(json.error?.code).toBe("validation_failed");
    expect(json.error?.details[0].location).toBe("query");
  });

  it("issues the same number of D1 statements whatever the page size", async () => {
    const counts: number[] = [];
    for (const limit of [1, 20, 100]) {
      const { db, counter } = countingD1(env.DB);
      const res = await fetchWith({ DB: db }, `/api/markets?limit=${limit}`);
      expect(res.status).toBe(200);
      const body = await res.json<{ data: unknown[] }>();
      expect(body.data.length).toBe(Math.min(limit, body.data.length));
      counts.push(counter.statements);
    }
    console.info(JSON.stringify({ statementsPerRequest: { "GET /api/markets": { limit1: counts[0], limit20: counts[1], limit100: counts[2] } } }));
    expect(counts).toEqual([1, 1, 1]);
  });

  it("sees markets created through the API", async () => {
    const { token, sub } = await actor();
    await call("POST", "/api/markets", { token, body: { name: "Fresh listing" } });
    const { json } = await call("GET", "/api/markets?limit=100");
    expect(json.data.some((m: { creator: { id: string } }) => m.creator.id === sub)).toBe(true);
  });
});
