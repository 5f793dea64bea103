import { env } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it } from "vitest";
import { MAX_READS_IN_FLIGHT } from "../../src/rate-limit/read-admission";
import { hsToken, uniqueSub } from "../helpers/tokens";
import { fetchNow, fetchWith } from "../helpers/entry";

// The limiter talks to Upstash through a proxy the tests can hold: a request that completes while
// Upstash's answer is held provably did not wait for it (an ordering, not a timing).
const control = (path: string, method = "POST") => fetch(`${inject("bridgeControlUrl")}${path}`, { method });
const stats = async () => (await (await control("/gate/stats", "GET")).json()) as { held: number; forwarded: number };
const hold = () => control("/gate/hold");
const release = () => control("/gate/release");
afterEach(release);

// A long limiter timeout, so a held answer is never replaced by the local fallback's.
const gated = (spec: string, prefix = `gate-${crypto.randomUUID().slice(0, 8)}`) =>
  ({
    RATE_LIMITS: spec,
    UPSTASH_REDIS_REST_URL: inject("gatedUpstashUrl"),
    RATE_LIMIT_PREFIX: prefix,
    RATE_LIMIT_TIMEOUT_MS: "10000",
  }) as unknown as Partial<Env>;
const uniqueIp = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 6)}`;
const read = (e: Partial<Env>, ip: string) => fetchWith(e, "/api/markets?limit=1", { headers: { "CF-Connecting-IP": ip } });
/** A read as the client sees it: resolved when its response exists, background work aside. */
const readNow = (e: Partial<Env>, ip: string) => fetchNow(e, "/api/markets?limit=1", { headers: { "CF-Connecting-IP": ip } });
/** Resolves with the response, or with "pending" if it has not come back when `check` runs. */
const settledBy = async <T>(p: Promise<T>, check: () => Promise<void>) => {
  let value: T | "pending" = "pending";
  void p.then((v) => (value = v));
  await check();
  return value;
};

describe("reads do not wait for the rate limiter", () => {
  it("a known identity's read is answered while Upstash's answer is still held, and counted once it comes", async () => {
    const e = gated("anonymous=100/60s");
    const ip = uniqueIp();
    const first = await read(e, ip); // first sight of this identity: waits, and learns its budget
    expect(first.headers.get("ratelimit-remaining")).toBe("99");

    await hold();
    const before = await stats();
    const { res, background } = await readNow(e, ip);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-remaining")).toBe("98"); // this isolate's estimate
    // Answered, yet its count is still held at the proxy: the response did not wait for it.
    expect((await stats()).held).toBe(1);
    await release();
    await background;
    expect((await stats()).forwarded).toBe(before.forwarded + 1);
    expect((await read(e, ip)).headers.get("ratelimit-remaining")).toBe("97");
  });

  it("an identity Upstash has refused is refused here next time, without a round trip", async () => {
    const e = gated("anonymous=2/60s");
    const ip = uniqueIp();
    expect([(await read(e, ip)).status, (await read(e, ip)).status, (await read(e, ip)).status]).toEqual([200, 200, 429]);
    const before = await stats();
    const again = await read(e, ip);
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).not.toBeNull();
    expect((await stats()).forwarded).toBe(before.forwarded);
  });

  it("over-admission is bounded: reads admitted beyond the global limit are at most MAX_READS_IN_FLIGHT per isolate", async () => {
    const prefix = `gate-${crypto.randomUUID().slice(0, 8)}`;
    const limit = 3 * MAX_READS_IN_FLIGHT;
    const isolateA = gated(`anonymous=${limit}/60s`, prefix);
    const isolateB = gated(`anonymous=${limit}/60s`, prefix); // another isolate: its own knowledge, same Redis
    const ip = uniqueIp();
    await read(isolateA, ip); // A now believes limit - 1 remain
    // B spends the rest of the global budget; A does not know.
    for (let i = 0; i < limit - 1; i++) await read(isolateB, ip);
    expect((await read(isolateB, ip)).status).toBe(429);

    // A burst on A while Upstash's answers are held: only what A may admit on its knowledge passes.
    await hold();
    const burst = Array.from({ length: 3 * MAX_READS_IN_FLIGHT }, () => readNow(isolateA, ip));
    // Those A admits on its knowledge are answered while every count is held; the rest wait.
    const answered = await settledBy(Promise.all(burst.slice(0, MAX_READS_IN_FLIGHT)), async () => {
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(answered).not.toBe("pending");
    await release();
    const done = await Promise.all(burst);
    await Promise.all(done.map((d) => d.background));
    const statuses = done.map((d) => d.res.status);
    const overAdmitted = statuses.filter((s) => s === 200).length;
    expect(overAdmitted).toBe(MAX_READS_IN_FLIGHT);
    expect(statuses.filter((s) => s === 429).length).toBe(burst.length - MAX_READS_IN_FLIGHT);
    // Once the counts have landed, A knows too.
    expect((await read(isolateA, ip)).status).toBe(429);
  });
});

describe("writes still wait for the limiter before anything commits", () => {
  const post = (e: Partial<Env>, token: string, name: string) =>
    fetchWith(e, "/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    });
  const exists = async (name: string) => (await env.DB.prepare("SELECT 1 FROM markets WHERE name = ?").bind(name).first()) !== null;

  it("a write does not commit while its decision is held, and commits once it is allowed", async () => {
    const e = gated("write=10/60s");
    const token = await hsToken({ sub: uniqueSub() });
    await post(e, token, `Warm ${crypto.randomUUID()}`); // the identity is known: no difference for writes
    await hold();
    const name = `Held write ${crypto.randomUUID()}`;
    const pending = post(e, token, name);
    const early = await settledBy(pending, async () => {
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(early).toBe("pending");
    expect(await exists(name)).toBe(false);
    await release();
    expect((await pending).status).toBe(201);
    expect(await exists(name)).toBe(true);
  });

  it("a write over the limit is a 429 and writes nothing, even with its look-ups already done", async () => {
    const e = gated("write=1/60s");
    const token = await hsToken({ sub: uniqueSub() });
    expect((await post(e, token, `Allowed ${crypto.randomUUID()}`)).status).toBe(201);
    const name = `Over the limit ${crypto.randomUUID()}`;
    const refused = await fetchWith(e, "/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ name }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(await exists(name)).toBe(false);
  });
});
