import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { badPlanLines, queryPlan, rowsRead } from "../helpers/query-plans";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

// 5 000 markets under one creator, written in one statement; other files' rows may exist too,
// so assertions compare pages with a full listing taken in the same state.
const creator = `keyset-${crypto.randomUUID().slice(0, 8)}`;
const N = 5_000;

beforeAll(async () => {
  await env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?, 'Keyset')").bind(creator).run();
  await env.DB.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
     INSERT INTO markets (id, name, description, status, volume, creator_id, created_at, updated_at)
     SELECT printf('%s-%05d', ?2, n), printf('Market %05d', (n * 7919) % ?1), '',
            CASE n % 3 WHEN 0 THEN 'active' WHEN 1 THEN 'closed' ELSE 'resolved' END,
            (n * 104729) % 1000, ?2, 1700000000000 + (n % 500) * 1000, 1700000000000
     FROM seq`,
  )
    .bind(N, creator)
    .run();
}, 60_000);

async function walk(qs: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/markets?${qs}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { res, json } = await call("GET", url);
    expect(res.status, JSON.stringify(json)).toBe(200);
    ids.push(...json.data.map((m: { id: string }) => m.id));
    cursor = json.meta.nextCursor;
    expect(json.meta.hasMore).toBe(cursor !== null);
    pages++;
  } while (cursor && pages < 1000);
  return ids;
}

describe("keyset pagination", () => {
  it.each([
    "sort=volume&order=desc",
    "sort=volume&order=asc",
    "sort=name&order=asc",
    "sort=created_at&order=desc",
    "status=active&sort=volume&order=desc",
    "status=closed&sort=name&order=desc",
  ])("walks %s without skipping or repeating a row (ties broken by id)", async (qs) => {
    const viaCursor = await walk(qs, 100);
    expect(new Set(viaCursor).size).toBe(viaCursor.length);
    // The same ordering straight from SQL, for comparison.
    const p = new URLSearchParams(qs);
    const col = { volume: "volume", name: "name", created_at: "created_at" }[p.get("sort")!]!;
    const dir = p.get("order") === "asc" ? "ASC" : "DESC";
    const status = p.get("status");
    const { results } = await env.DB.prepare(
      `SELECT id FROM markets ${status ? "WHERE status = ?" : ""} ORDER BY ${col} ${dir}, id ${dir}`,
    )
      .bind(...(status ? [status] : []))
      .all<{ id: string }>();
    expect(viaCursor).toEqual(results.map((r) => r.id));
  }, 60_000);

  it("neither skips nor repeats rows that existed while new rows arrive between pages", async () => {
    const first = await call("GET", "/api/markets?sort=volume&order=desc&limit=50");
    const seen = first.json.data.map((m: { id: string }) => m.id);
    // A new market that sorts before the cursor must not shift the next page.
    await env.DB.prepare(
      "INSERT INTO markets (id, name, status, volume, creator_id, created_at, updated_at) VALUES (?, 'Late', 'active', 999999, ?, 1, 1)",
    )
      .bind(`${creator}-late`, creator)
      .run();
    const second = await call("GET", `/api/markets?sort=volume&order=desc&limit=50&cursor=${encodeURIComponent(first.json.meta.nextCursor)}`);
    const next = second.json.data.map((m: { id: string }) => m.id);
    const { results } = await env.DB.prepare(
      "SELECT id FROM markets WHERE id != ? ORDER BY volume DESC, id DESC LIMIT 100",
    )
      .bind(`${creator}-late`)
      .all<{ id: string }>();
    expect([...seen, ...next]).toEqual(results.map((r) => r.id));
  });

  it("rejects a tampered, foreign or malformed cursor with 400", async () => {
    const { json } = await call("GET", "/api/markets?sort=volume&order=desc&limit=5");
    const cursor: string = json.meta.nextCursor;
    const [body, sig] = cursor.split(".");
    const decoded = JSON.parse(atob(body!.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...decoded, v: 0 })).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const [qs, bad] of [
      ["sort=volume&order=desc", `${forged}.${sig}`],
      ["sort=volume&order=desc", `${body}.${sig!.slice(0, -2)}AA`],
      ["sort=volume&order=asc", cursor],
      ["sort=name&order=desc", cursor],
      ["status=active&sort=volume&order=desc", cursor],
      ["sort=volume&order=desc", "not-a-cursor"],
      ["sort=volume&order=desc", "a.b.c"],
      ["sort=volume&order=desc&offset=20", cursor],
    ] as const) {
      const res = await call("GET", `/api/markets?${qs}&cursor=${encodeURIComponent(bad)}`);
      expect(res.res.status, `${qs} ${bad}`).toBe(400);
      expect(res.json.error?.code).toBe("validation_failed");
    }
  });
});

describe("what list queries cost", () => {
  async function captured(path: string) {
    const { db, counter } = countingD1(env.DB);
    const res = await fetchWith({ DB: db }, path);
    expect(res.status).toBe(200);
    const body = await res.json<{ meta: { nextCursor: string | null } }>();
    return { queries: counter.queries, nextCursor: body.meta.nextCursor };
  }

  it("reads at most limit + 2 rows at the first page and 4 000 rows deep (offset would read 4 020)", async () => {
    const first = await captured("/api/markets?sort=volume&order=desc&limit=20");
    expect(first.queries).toHaveLength(1);
    const firstRead = await rowsRead(first.queries[0]!);

    let cursor = "";
    for (let i = 0; i < 40; i++) {
      const { json } = await call("GET", `/api/markets?sort=volume&order=desc&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      cursor = json.meta.nextCursor;
    }
    const deep = await captured(`/api/markets?sort=volume&order=desc&limit=20&cursor=${encodeURIComponent(cursor)}`);
    const deepRead = await rowsRead(deep.queries[0]!);
    const offset = await captured("/api/markets?sort=volume&order=desc&limit=20&offset=4000");
    const offsetRead = await rowsRead(offset.queries[0]!);

    console.info(JSON.stringify({ rowsRead: { firstPage: firstRead, cursor4000: deepRead, offset4000: offsetRead } }));
    // At most limit + 2 rows (the page, the has-more probe, the seek boundary): the creator's name
    // is on the market row, and the rows before the page are never read.
    expect(firstRead).toBeLessThanOrEqual(20 + 2);
    expect(deepRead).toBeLessThanOrEqual(20 + 2);
    expect(offsetRead).toBeGreaterThan(4_000);
  });

  it("uses an index for every list shape: no full scan of markets, no temporary sort", async () => {
    const shapes = [
      "sort=volume&order=desc",
      "sort=volume&order=asc",
      "sort=created_at&order=desc",
      "sort=name&order=asc",
      "status=active&sort=volume&order=desc",
      "status=closed&sort=created_at&order=asc",
      "status=resolved&sort=name&order=desc",
    ];
    for (const qs of shapes) {
      const page = await captured(`/api/markets?${qs}&limit=20`);
      const next = await captured(`/api/markets?${qs}&limit=20&cursor=${encodeURIComponent(page.nextCursor!)}`);
      for (const q of [...page.queries, ...next.queries]) {
        const plan = await queryPlan(q);
        expect(badPlanLines(plan), `${qs}\n${q.sql}\n${plan.join("\n")}`).toEqual([]);
      }
    }
  });
});
