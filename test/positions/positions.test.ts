import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { badPlanLines, queryPlan } from "../helpers/query-plans";
import { countingD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

const volumeOf = async (id: string) =>
  (await env.DB.prepare("SELECT volume FROM markets WHERE id = ?").bind(id).first<{ volume: number }>())?.volume;
const positionsOn = async (id: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM positions WHERE market_id = ?").bind(id).first<{ n: number }>())!.n;

describe("POST /api/markets/:id/positions", () => {
  it("creates the position and adds its amount to the market's volume", async () => {
    const alice = await actor();
    const bob = await actor();
    const m = await createMarket(alice.token);
    const { res, json } = await call("POST", `/api/markets/${m.id}/positions`, { token: bob.token, body: { side: "yes", amount: 2500 } });
    expect(res.status).toBe(201);
    expect(json.data).toMatchObject({ marketId: m.id, side: "yes", amount: 2500, user: { id: bob.sub }, market: { id: m.id, volume: 2500 } });
    await call("POST", `/api/markets/${m.id}/positions`, { token: alice.token, body: { side: "no", amount: 1000 } });
    expect(await volumeOf(m.id)).toBe(3500);
    expect(await positionsOn(m.id)).toBe(2);
  });

  it.each([
    ["a fractional amount", { side: "yes", amount: 2.5 }],
    ["a zero amount", { side: "yes", amount: 0 }],
    ["a negative amount", { side: "no", amount: -100 }],
    ["an amount as a string", { side: "yes", amount: "100" }],
    ["an amount beyond the cap", { side: "yes", amount: 1e13 }],
    ["an unknown side", { side: "maybe", amount: 100 }],
    ["an unknown key", { side: "yes", amount: 100, userId: "someone-else" }],
  ])("rejects %s with 400 and writes nothing", async (_what, body) => {
    const { token } = await actor();
    const m = await createMarket((await actor()).token);
    const before = await tableCounts();
    const { res, json } = await call("POST", `/api/markets/${m.id}/positions`, { token, body });
    expect(res.status).toBe(400);
    expect(json.error?.code).toBe("validation_failed");
    expect(await tableCounts()).toEqual(before);
    expect(await volumeOf(m.id)).toBe(0);
  });

  it.each(["closed", "resolved"])("refuses a %s market with 409 market_not_active", async (status) => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    await call("PATCH", `/api/markets/${m.id}`, { token: alice.token, body: { status } });
    const before = await tableCounts();
    const { res, json } = await call("POST", `/api/markets/${m.id}/positions`, { token: alice.token, body: { side: "yes", amount: 10 } });
    expect(res.status).toBe(409);
    expect(json.error?.code).toBe("market_not_active");
    expect(await tableCounts()).toEqual(before);
  });

  it("is 404 for a market that does not exist and 401 without a token", async () => {
    const { token } = await actor();
    expect((await call("POST", "/api/markets/nope/positions", { token, body: { side: "yes", amount: 1 } })).res.status).toBe(404);
    expect((await call("POST", "/api/markets/nope/positions", { body: { side: "yes", amount: 1 } })).res.status).toBe(401);
  });

  it("is atomic: when the volume update fails, neither the position nor the user row exists", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const alice = await actor();
    const m = await createMarket(alice.token);
    const newcomer = await actor();
    const trigger = `refuse_volume_${m.id.replace(/-/g, "_")}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE UPDATE OF volume ON markets WHEN NEW.id = '${m.id}'
       BEGIN SELECT RAISE(ABORT, 'volume update refused'); END`,
    ).run();
    try {
      const { res, json } = await call("POST", `/api/markets/${m.id}/positions`, {
        token: newcomer.token,
        body: { side: "yes", amount: 700 },
      });
      expect(res.status).toBe(500);
      expect(json.error?.code).toBe("internal_error");
    } finally {
      await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    }
    expect(await positionsOn(m.id)).toBe(0);
    expect(await volumeOf(m.id)).toBe(0);
    expect(await env.DB.prepare("SELECT id FROM users WHERE id = ?").bind(newcomer.sub).first()).toBeNull();
  });
});

describe("POST /api/markets with initialPosition", () => {
  it("writes the market with its creator's first position and the matching volume", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token, { initialPosition: { side: "no", amount: 4200 } });
    expect(m.volume).toBe(4200);
    const { json } = await call("GET", `/api/markets/${m.id}/positions`);
    expect(json.data).toEqual([
      expect.objectContaining({ marketId: m.id, side: "no", amount: 4200, user: { id: alice.sub, displayName: `User ${alice.sub}` } }),
    ]);
  });

  it("is atomic: when the position insert fails, the market does not exist either", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const alice = await actor();
    const trigger = `refuse_position_${alice.sub.replace(/-/g, "_")}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON positions WHEN NEW.user_id = '${alice.sub}'
       BEGIN SELECT RAISE(ABORT, 'position refused'); END`,
    ).run();
    const name = `Atomic ${crypto.randomUUID()}`;
    try {
      const { res } = await call("POST", "/api/markets", { token: alice.token, body: { name, initialPosition: { side: "yes", amount: 5 } } });
      expect(res.status).toBe(500);
    } finally {
      await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    }
    expect(await env.DB.prepare("SELECT id FROM markets WHERE name = ?").bind(name).first()).toBeNull();
  });
});

describe("position lists", () => {
  it("pages a market's positions newest first with a cursor, in a constant number of statements", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token);
    for (let i = 1; i <= 7; i++) {
      await call("POST", `/api/markets/${m.id}/positions`, { token: alice.token, body: { side: i % 2 ? "yes" : "no", amount: i } });
    }
    const first = await call("GET", `/api/markets/${m.id}/positions?limit=3`);
    const second = await call("GET", `/api/markets/${m.id}/positions?limit=3&cursor=${encodeURIComponent(first.json.meta.nextCursor)}`);
    const third = await call("GET", `/api/markets/${m.id}/positions?limit=3&cursor=${encodeURIComponent(second.json.meta.nextCursor)}`);
    const amounts = [...first.json.data, ...second.json.data, ...third.json.data].map((p: { amount: number }) => p.amount);
    expect(amounts).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(third.json.meta).toEqual({ limit: 3, hasMore: false, nextCursor: null });

    const counts: number[] = [];
    for (const limit of [1, 20, 100]) {
      const { db, counter } = countingD1(env.DB);
      expect((await fetchWith({ DB: db }, `/api/markets/${m.id}/positions?limit=${limit}`)).status).toBe(200);
      counts.push(counter.statements);
    }
    console.info(JSON.stringify({ statementsPerRequest: { "GET /api/markets/:id/positions": counts } }));
    expect(counts).toEqual([2, 2, 2]);
    expect((await call("GET", "/api/markets/missing/positions")).res.status).toBe(404);
  });

  it("rejects another listing's cursor", async () => {
    const alice = await actor();
    const a = await createMarket(alice.token, { initialPosition: { side: "yes", amount: 1 } });
    const b = await createMarket(alice.token);
    await call("POST", `/api/markets/${a.id}/positions`, { token: alice.token, body: { side: "yes", amount: 2 } });
    const page = await call("GET", `/api/markets/${a.id}/positions?limit=1`);
    const res = await call("GET", `/api/markets/${b.id}/positions?cursor=${encodeURIComponent(page.json.meta.nextCursor)}`);
    expect(res.res.status).toBe(400);
  });

  it("GET /api/me/positions lists only the caller's positions, with their markets, privately", async () => {
    const alice = await actor();
    const bob = await actor();
    const m1 = await createMarket(alice.token, { name: "First of mine", initialPosition: { side: "yes", amount: 10 } });
    const m2 = await createMarket(bob.token);
    await call("POST", `/api/markets/${m2.id}/positions`, { token: alice.token, body: { side: "no", amount: 20 } });
    await call("POST", `/api/markets/${m2.id}/positions`, { token: bob.token, body: { side: "yes", amount: 30 } });

    const { res, json } = await call("GET", "/api/me/positions", { token: alice.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(json.data.map((p: { amount: number; market: { id: string } }) => [p.amount, p.market.id])).toEqual([
      [20, m2.id],
      [10, m1.id],
    ]);
    expect(json.data[1].market).toEqual({ id: m1.id, name: "First of mine", status: "active" });

    const counts: number[] = [];
    for (const limit of [1, 20, 100]) {
      const { db, counter } = countingD1(env.DB);
      const r = await fetchWith({ DB: db }, `/api/me/positions?limit=${limit}`, { headers: { Authorization: `Bearer ${alice.token}` } });
      expect(r.status).toBe(200);
      counts.push(counter.statements);
    }
    console.info(JSON.stringify({ statementsPerRequest: { "GET /api/me/positions": counts } }));
    expect(counts).toEqual([1, 1, 1]);
    expect((await call("GET", "/api/me/positions")).res.status).toBe(401);
  });

  it("uses the positions indexes: no full scan, no temporary sort", async () => {
    const alice = await actor();
    const m = await createMarket(alice.token, { initialPosition: { side: "yes", amount: 1 } });
    await call("POST", `/api/markets/${m.id}/positions`, { token: alice.token, body: { side: "no", amount: 2 } });
    const { db, counter } = countingD1(env.DB);
    const headers = { Authorization: `Bearer ${alice.token}` };
    const page = await (await fetchWith({ DB: db }, `/api/markets/${m.id}/positions?limit=1`)).json<{ meta: { nextCursor: string } }>();
    await fetchWith({ DB: db }, `/api/markets/${m.id}/positions?limit=1&cursor=${encodeURIComponent(page.meta.nextCursor)}`);
    const mine = await (await fetchWith({ DB: db }, "/api/me/positions?limit=1", { headers })).json<{ meta: { nextCursor: string } }>();
    await fetchWith({ DB: db }, `/api/me/positions?limit=1&cursor=${encodeURIComponent(mine.meta.nextCursor)}`, { headers });
    const selects = counter.queries.filter((q) => /^select/i.test(q.sql) && /positions/.test(q.sql));
    expect(selects.length).toBe(4);
    for (const q of selects) {
      const plan = await queryPlan(q);
      expect(badPlanLines(plan), `${q.sql}\n${plan.join("\n")}`).toEqual([]);
    }
  });
});
