import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { flakyD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

const quietErrors = () => {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  return lines;
};

describe("D1 failures", () => {
  it("a read that hits a dropped connection is retried once and succeeds", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    const { db, state } = flakyD1(env.DB, 1);
    const res = await fetchWith({ DB: db }, `/api/markets/${market.id}`);
    expect(res.status).toBe(200);
    expect(state.calls).toBe(2);
  });

  it("a read that keeps failing is a 503 with Retry-After and the envelope, logged with the cause", async () => {
    const errors = quietErrors();
    const { db, state } = flakyD1(env.DB, 100);
    const res = await fetchWith({ DB: db }, "/api/markets?limit=5");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("1");
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ success: false, error: { code: "service_unavailable" } });
    expect(text).not.toMatch(/D1_ERROR|Network|SELECT/);
    expect(state.calls).toBe(2); // the first try and one retry, no more
    const logged = errors.map((l) => JSON.parse(l)).find((l) => l.msg === "database unavailable");
    expect(logged).toMatchObject({ level: "error", metric: "d1.unavailable" });
    expect(JSON.stringify(logged)).toContain("Network connection lost");
  });

  it("a write is not retried (D1 may have committed it) and answers 503; nothing is written", async () => {
    quietErrors();
    const { token } = await actor();
    const before = await tableCounts();
    const { db, state } = flakyD1(env.DB, 1);
    const res = await fetchWith({ DB: db }, "/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Written once or not at all" }),
    });
    expect(res.status).toBe(503);
    // The client cannot know whether it was committed: the answer says how to retry safely.
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/may or may not have been applied.*Idempotency-Key/);
    expect(state.calls).toBe(1);
    expect(await tableCounts()).toEqual(before);
  });

  it("an error that is not transient (a broken query) is a 500 and is not retried", async () => {
    quietErrors();
    const { db, state } = flakyD1(env.DB, 1, "D1_ERROR: no such column: nope: SQLITE_ERROR");
    const res = await fetchWith({ DB: db }, "/api/markets?limit=5");
    expect(res.status).toBe(500);
    expect(state.calls).toBe(1);
  });

  it("health reports 503 while D1 is unreachable", async () => {
    quietErrors();
    const { db } = flakyD1(env.DB, 100);
    expect((await fetchWith({ DB: db }, "/health")).status).toBe(503);
  });
});
