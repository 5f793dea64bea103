import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { hsToken, uniqueSub } from "../helpers/tokens";
import { interceptD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

// Every state rule the service checks is also a guard in the statement that writes. These fire the
// conflicting requests at once, many rounds, and check what D1 ends up holding.
const ROUNDS = 12;

const row = (id: string) =>
  env.DB.prepare("SELECT name, status, volume, search_version AS version FROM markets WHERE id = ?")
    .bind(id)
    .first<{ name: string; status: string; volume: number; version: number }>();
const positionCount = async (id: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM positions WHERE market_id = ?").bind(id).first<{ n: number }>())!.n;

describe("resolved is final, under concurrent writes", () => {
  it("a creator's PATCH racing a moderator's resolve never reopens or renames the resolved market", async () => {
    const moderator = await actor("moderator");
    for (let round = 0; round < ROUNDS; round++) {
      const creator = await actor();
      const m = await createMarket(creator.token, { name: `Race ${round} original` });
      const [resolve, patch] = await Promise.all([
        call("PATCH", `/api/markets/${m.id}`, { token: moderator.token, body: { status: "resolved" } }),
        call("PATCH", `/api/markets/${m.id}`, {
          token: creator.token,
          body: round % 2 ? { status: "active", name: `Race ${round} renamed` } : { status: "closed" },
        }),
      ]);
      expect(resolve.res.status, `round ${round}`).toBe(200);
      const final = (await row(m.id))!;
      expect(final.status, `round ${round}`).toBe("resolved");
      if (patch.res.status === 200) {
        // The creator's change landed first; the resolve came after it and kept it.
        expect(patch.json.data.status).not.toBe("resolved");
        expect(final.version).toBe(3);
      } else {
        expect(patch.res.status, `round ${round}`).toBe(409);
        expect(final.name).toBe(`Race ${round} original`);
        expect(final.version).toBe(2);
      }
    }
  });

  it("a position racing a close lands only while the market is active, and volume is the sum of what landed", async () => {
    const moderator = await actor("moderator");
    const bettors = await Promise.all(Array.from({ length: 4 }, () => actor()));
    for (let round = 0; round < ROUNDS; round++) {
      const m = await createMarket((await actor()).token);
      const results = await Promise.all([
        call("PATCH", `/api/markets/${m.id}`, { token: moderator.token, body: { status: "closed" } }),
        ...bettors.map((b) => call("POST", `/api/markets/${m.id}/positions`, { token: b.token, body: { side: "yes", amount: 10 } })),
      ]);
      const placed = results.slice(1).filter((r) => r.res.status === 201).length;
      expect(results.slice(1).every((r) => [201, 409].includes(r.res.status))).toBe(true);
      expect(await positionCount(m.id)).toBe(placed);
      expect((await row(m.id))!.volume).toBe(placed * 10);
    }
  });

  it("a delete racing a position either deletes a market without positions or keeps both", async () => {
    const moderator = await actor("moderator");
    for (let round = 0; round < ROUNDS; round++) {
      const m = await createMarket((await actor()).token);
      const [del, pos] = await Promise.all([
        call("DELETE", `/api/markets/${m.id}`, { token: moderator.token }),
        call("POST", `/api/markets/${m.id}/positions`, { token: (await actor()).token, body: { side: "no", amount: 7 } }),
      ]);
      if (del.res.status === 204) {
        expect(pos.res.status, `round ${round}`).toBe(404);
        expect(await row(m.id)).toBeNull();
      } else {
        expect([del.res.status, pos.res.status], `round ${round}`).toEqual([409, 201]);
        expect((await row(m.id))!.volume).toBe(7);
        expect(await positionCount(m.id)).toBe(1);
      }
    }
  });
});

describe("If-Match: lost-update protection", () => {
  const etagOf = async (id: string) => (await call("GET", `/api/markets/${id}`)).res.headers.get("etag")!;

  it("of two concurrent PATCHes with the same ETag exactly one lands; the other is a 412 and changes nothing", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { token } = await actor();
      const m = await createMarket(token, { name: `Lost update ${round}` });
      const etag = await etagOf(m.id);
      const results = await Promise.all(
        ["first", "second"].map((who) =>
          call("PATCH", `/api/markets/${m.id}`, { token, headers: { "If-Match": etag }, body: { name: `Written by ${who} ${round}` } }),
        ),
      );
      const statuses = results.map((r) => r.res.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 412]);
      const winner = results.find((r) => r.res.status === 200)!;
      const loser = results.find((r) => r.res.status === 412)!;
      expect(loser.json.error!.code).toBe("precondition_failed");
      expect((await row(m.id))!.name).toBe(winner.json.data.name);
      expect((await row(m.id))!.version).toBe(2);
      // The winner's response carries the new ETag, which is what a GET now serves.
      expect(winner.res.headers.get("etag")).toBe(await etagOf(m.id));
    }
  });

  it("PUT, PATCH and DELETE refuse a stale or weak ETag with 412 and accept the current one or *", async () => {
    const { token } = await actor();
    const moderator = await actor("moderator");
    const m = await createMarket(token);
    const stale = await etagOf(m.id);
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, body: { description: "changed" } })).res.status).toBe(200);
    const current = await etagOf(m.id);
    const put = { name: "Replaced name", description: "", status: "active" };
    expect((await call("PUT", `/api/markets/${m.id}`, { token, headers: { "If-Match": stale }, body: put })).res.status).toBe(412);
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, headers: { "If-Match": `W/${current}` }, body: put })).res.status).toBe(412);
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: moderator.token, headers: { "If-Match": stale } })).res.status).toBe(412);
    expect((await row(m.id))!.name).not.toBe("Replaced name");
    expect((await call("PUT", `/api/markets/${m.id}`, { token, headers: { "If-Match": `"nope", ${current}` }, body: put })).res.status).toBe(200);
    expect((await call("DELETE", `/api/markets/${m.id}`, { token: moderator.token, headers: { "If-Match": "*" } })).res.status).toBe(204);
    // Preconditions come first (RFC 9110): If-Match on a market that no longer exists is a 412.
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, headers: { "If-Match": "*" }, body: put })).res.status).toBe(412);
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, body: put })).res.status).toBe(404);
  });

  it("If-Match: * holds while the market exists: concurrent PATCHes with it all apply", async () => {
    for (let round = 0; round < ROUNDS / 2; round++) {
      const { token } = await actor();
      const m = await createMarket(token);
      const results = await Promise.all(
        ["a", "b"].map((who) => call("PATCH", `/api/markets/${m.id}`, { token, headers: { "If-Match": "*" }, body: { description: who } })),
      );
      expect(results.map((r) => r.res.status), `round ${round}`).toEqual([200, 200]);
    }
  });

  it("the whole representation the ETag covers is pinned: a position landing between check and write makes it a 412", async () => {
    const { token } = await actor();
    const m = await createMarket(token);
    const etag = await etagOf(m.id);
    const bettor = await actor();
    const db = interceptD1(env.DB, (t) => ({
      batch: async (statements) => {
        // Another client's position commits just before this request's write batch.
        await call("POST", `/api/markets/${m.id}/positions`, { token: bettor.token, body: { side: "yes", amount: 5 } });
        return t.batch(statements);
      },
    }));
    const res = await fetchWith({ DB: db }, `/api/markets/${m.id}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "If-Match": etag },
      body: JSON.stringify({ status: "closed" }),
    });
    expect(res.status).toBe(412);
    expect((await row(m.id))!.status).toBe("active");
  });

  it("a 412 from a cached ETag drops the cached copy: the next GET is fresh and its ETag works", async () => {
    const sub = uniqueSub("renamed");
    const cached = { CACHE_TTL_SECONDS: "300" } as unknown as Partial<Env>;
    const before = await hsToken({ sub, extra: { name: "Before" } });
    const m = await createMarket(before);
    await fetchWith(cached, `/api/markets/${m.id}`); // fills KV
    await createMarket(await hsToken({ sub, extra: { name: "After" } })); // renames M's creator in D1
    const patch = (etag: string) =>
      fetchWith(cached, `/api/markets/${m.id}`, {
        method: "PATCH",
        headers: { Authorization: `Bearer ${before}`, "Content-Type": "application/json", "If-Match": etag },
        body: JSON.stringify({ description: "changed" }),
      });
    const stale = await fetchWith(cached, `/api/markets/${m.id}`);
    expect(stale.headers.get("x-cache")).toBe("HIT");
    expect((await patch(stale.headers.get("etag")!)).status).toBe(412);
    const fresh = await fetchWith(cached, `/api/markets/${m.id}`);
    expect(fresh.headers.get("x-cache")).toBe("MISS");
    expect((await patch(fresh.headers.get("etag")!)).status).toBe(200);
  });

  it("a cross-origin client may send If-Match (CORS preflight)", async () => {
    const { res } = await call("OPTIONS", "/api/markets/x", {
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "PATCH", "Access-Control-Request-Headers": "authorization,content-type,if-match" },
    });
    expect((res.headers.get("access-control-allow-headers") ?? "").toLowerCase()).toContain("if-match");
  });

  it("refuses a malformed or oversized If-Match with 400", async () => {
    const { token } = await actor();
    const m = await createMarket(token);
    for (const value of ["abc", '"a" "b"', `"${"a".repeat(2000)}"`]) {
      const { res, json } = await call("PATCH", `/api/markets/${m.id}`, { token, headers: { "If-Match": value }, body: { name: "Never written" } });
      expect(res.status, value.slice(0, 20)).toBe(400);
      expect(json.error!.details[0]).toMatchObject({ location: "header", path: "if-match" });
    }
  });
});
