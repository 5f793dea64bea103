import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { MAX_AMOUNT, MAX_VOLUME } from "../../src/markets/stake";

const volumeOf = async (id: string) =>
  (await env.DB.prepare("SELECT volume, typeof(volume) AS type FROM markets WHERE id = ?").bind(id).first<{ volume: number; type: string }>())!;

describe("money stays exact", () => {
  it("keeps every sum below 2^53", () => {
    expect(MAX_VOLUME + MAX_AMOUNT).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it("fills a market exactly to MAX_VOLUME, then refuses the next position with 409 and changes nothing", async () => {
    const m = await createMarket((await actor()).token);
    await env.DB.prepare("UPDATE markets SET volume = ? WHERE id = ?").bind(MAX_VOLUME - MAX_AMOUNT - 1, m.id).run();
    const { token } = await actor();
    const place = (amount: number) => call("POST", `/api/markets/${m.id}/positions`, { token, body: { side: "yes", amount } });

    const full = await place(MAX_AMOUNT);
    expect(full.res.status).toBe(201);
    expect(full.json.data.market.volume).toBe(MAX_VOLUME - 1);
    expect((await place(1)).json.data.market.volume).toBe(MAX_VOLUME);
    const over = await place(1);
    expect(over.res.status).toBe(409);
    expect(over.json.error).toMatchObject({ code: "conflict" });
    expect(await volumeOf(m.id)).toEqual({ volume: MAX_VOLUME, type: "integer" });
    const sum = await env.DB.prepare("SELECT sum(amount) AS s FROM positions WHERE market_id = ?").bind(m.id).first<{ s: number }>();
    expect(sum!.s).toBe(MAX_AMOUNT + 1);
  });

  it("concurrent positions near the bound: exactly those that fit land, and the volume is their sum", async () => {
    for (let round = 0; round < 6; round++) {
      const m = await createMarket((await actor()).token);
      await env.DB.prepare("UPDATE markets SET volume = ? WHERE id = ?").bind(MAX_VOLUME - 3 * MAX_AMOUNT, m.id).run();
      const bettors = await Promise.all(Array.from({ length: 6 }, () => actor()));
      const results = await Promise.all(
        bettors.map((b) => call("POST", `/api/markets/${m.id}/positions`, { token: b.token, body: { side: "yes", amount: MAX_AMOUNT } })),
      );
      expect(results.map((r) => r.res.status).sort(), `round ${round}`).toEqual([201, 201, 201, 409, 409, 409]);
      expect(await volumeOf(m.id)).toEqual({ volume: MAX_VOLUME, type: "integer" });
    }
  });

  it("stores amounts and volumes as SQLite integers", async () => {
    const m = await createMarket((await actor()).token, { initialPosition: { side: "no", amount: 12345 } });
    await call("POST", `/api/markets/${m.id}/positions`, { token: (await actor()).token, body: { side: "yes", amount: 1 } });
    expect(await volumeOf(m.id)).toEqual({ volume: 12346, type: "integer" });
    const types = await env.DB.prepare("SELECT DISTINCT typeof(amount) AS t FROM positions WHERE market_id = ?").bind(m.id).all<{ t: string }>();
    expect(types.results).toEqual([{ t: "integer" }]);
  });

  it("holds the bounds for writers around the API too (triggers)", async () => {
    const m = await createMarket((await actor()).token);
    const attempt = (sql: string, ...params: unknown[]) => env.DB.prepare(sql).bind(...params).run();
    await expect(attempt("UPDATE markets SET volume = ? WHERE id = ?", MAX_VOLUME + 1, m.id)).rejects.toThrow(/volume out of range/);
    await expect(attempt("UPDATE markets SET volume = 1.5 WHERE id = ?", m.id)).rejects.toThrow(/volume out of range/);
    const { sub } = await actor();
    await env.DB.prepare("INSERT INTO users (id, display_name) VALUES (?, 'x')").bind(sub).run();
    await expect(
      attempt("INSERT INTO positions (id, market_id, user_id, side, amount) VALUES (?, ?, ?, 'yes', ?)", crypto.randomUUID(), m.id, sub, MAX_AMOUNT + 1),
    ).rejects.toThrow(/amount out of range/);
  });
});

describe("positions are never lost", () => {
  it("a market with positions cannot be deleted (409), through the API or around it; its positions stay", async () => {
    const m = await createMarket((await actor()).token, { initialPosition: { side: "yes", amount: 50 } });
    await call("PATCH", `/api/markets/${m.id}`, { token: (await actor("admin")).token, body: { status: "resolved" } });
    const del = await call("DELETE", `/api/markets/${m.id}`, { token: (await actor("moderator")).token });
    expect(del.res.status).toBe(409);
    expect(del.json.error!.message).toMatch(/positions/);
    await expect(env.DB.prepare("DELETE FROM markets WHERE id = ?").bind(m.id).run()).rejects.toThrow(/never deleted/);
    await expect(env.DB.prepare("DELETE FROM positions WHERE market_id = ?").bind(m.id).run()).rejects.toThrow(/never deleted/);
    await expect(env.DB.prepare("UPDATE positions SET amount = 1e300 WHERE market_id = ?").bind(m.id).run()).rejects.toThrow(/never changed/);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM positions WHERE market_id = ?").bind(m.id).first<{ n: number }>();
    expect(n!.n).toBe(1);
    expect((await call("GET", `/api/markets/${m.id}`)).res.status).toBe(200);
  });

  it("a market without positions is still deleted (204)", async () => {
    const m = await createMarket((await actor()).token);
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: (await actor("moderator")).token })).res.status).toBe(204);
    expect((await call("GET", `/api/markets/${m.id}`)).res.status).toBe(404);
  });
});
