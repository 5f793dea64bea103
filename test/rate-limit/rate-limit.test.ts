import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { hsToken, uniqueSub } from "../helpers/tokens";
import { fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

// Each test builds its own worker environment object, so it gets its own config, its own
// Ratelimit instances (and ephemeral caches) and — through unique identities — its own Redis keys.
const limits = (spec: string, extra: Partial<Env> & Record<string, string> = {}) =>
  ({ RATE_LIMITS: spec, ...extra }) as unknown as Partial<Env>;
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 6)}`;

const get = (env: Partial<Env>, opts: { ip?: string; token?: string; path?: string } = {}) =>
  fetchWith(env, opts.path ?? "/api/markets?limit=1", {
    headers: {
      ...(opts.ip ? { "CF-Connecting-IP": opts.ip } : {}),
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
    },
  });

const post = (env: Partial<Env>, token: string) =>
  fetchWith(env, "/api/markets", {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: `Rate limited ${crypto.randomUUID()}` }),
  });

describe("rate limiting through Upstash (real Redis behind the REST bridge)", () => {
  it("lets exactly N anonymous requests through per IP, the N+1th is a 429 with Retry-After", async () => {
    const env = limits("anonymous=5/60s");
    const ip = uniqueIp();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await get(env, { ip });
      expect(res.status, `request ${i + 1}`).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(res.headers.get("ratelimit-remaining")!);
      const reset = Number(res.headers.get("ratelimit-reset"));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const blocked = await get(env, { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("ratelimit-remaining")).toBe("0");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await blocked.json<{ success: boolean; error: { code: string }; requestId: string }>();
    expect(body).toMatchObject({ success: false, error: { code: "rate_limited" } });
    expect(body.requestId).toBe(blocked.headers.get("x-request-id"));
    // Blocked identities are answered from the ephemeral cache too, still as 429s.
    expect((await get(env, { ip })).status).toBe(429);
  });

  it("keeps identities independent: another IP and an authenticated user have their own budgets", async () => {
    const env = limits("anonymous=2/60s,user=3/60s");
    const ip = uniqueIp();
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(429);
    expect((await get(env, { ip: uniqueIp() })).status).toBe(200);

    // Same IP, but authenticated: keyed by user, on the user tier.
    const token = await hsToken({ sub: uniqueSub() });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(env, { ip, token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await hsToken({ sub: uniqueSub() });
    expect((await get(env, { ip, token: other })).status).toBe(200);
  });

  it("ignores X-Forwarded-For: a client cannot mint itself new identities", async () => {
    const env = limits("anonymous=1/60s");
    const ip = uniqueIp();
    const at = (xff: string) =>
      fetchWith(env, "/api/markets?limit=1", { headers: { "CF-Connecting-IP": ip, "X-Forwarded-For": xff } });
    expect((await at("10.0.0.1")).status).toBe(200);
    expect((await at("10.0.0.2")).status).toBe(429);
  });

  it("counts writes on their own, smaller tier", async () => {
    const env = limits("write=2/60s,user=100/60s");
    const token = await hsToken({ sub: uniqueSub() });
    expect((await post(env, token)).status).toBe(201);
    const second = await post(env, token);
    expect(second.status).toBe(201);
    expect(second.headers.get("ratelimit-limit")).toBe("2");
    const third = await post(env, token);
    expect(third.status).toBe(429);
    // Reads by the same user are still allowed (different tier).
    expect((await get(env, { token })).status).toBe(200);
  });

  it("puts headers on every /api response, including errors, and not on /health", async () => {
    const env = limits("anonymous=10/60s");
    const ip = uniqueIp();
    const missing = await get(env, { ip, path: "/api/markets/does-not-exist" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("ratelimit-limit")).toBe("10");
    expect(missing.headers.get("ratelimit-remaining")).toBe("9");
    const health = await get(env, { ip, path: "/health" });
    expect(health.headers.get("ratelimit-limit")).toBeNull();
  });

  it("keeps each RATE_LIMIT_PREFIX's budgets apart: servers sharing one Redis never spend each other's", async () => {
    const ns = `iso-${crypto.randomUUID().slice(0, 8)}`;
    const a = limits("anonymous=2/60s", { RATE_LIMIT_PREFIX: `${ns}-a` });
    const b = limits("anonymous=2/60s", { RATE_LIMIT_PREFIX: `${ns}-b` });
    const ip = uniqueIp();
    expect([(await get(a, { ip })).status, (await get(a, { ip })).status, (await get(a, { ip })).status]).toEqual([200, 200, 429]);
    // Same identity, same Redis, another instance: a whole budget of its own.
    expect((await get(b, { ip })).status).toBe(200);
    expect((await get(b, { ip })).headers.get("ratelimit-remaining")).toBe("0");

    const keys = await fetch(inject("upstashUrl"), {
      method: "POST",
      headers: { Authorization: `Bearer ${inject("upstashToken")}` },
      body: JSON.stringify(["KEYS", `${ns}-*`]),
    }).then((r) => r.json<{ result: string[] }>());
    const names = keys.result;
    expect(names.some((k) => k.startsWith(`${ns}-a:anonymous:`))).toBe(true);
    expect(names.some((k) => k.startsWith(`${ns}-b:anonymous:`))).toBe(true);
  });

  it("starts a new window once the old one has slid past", async () => {
    const env = limits("anonymous=2/1s");
    const ip = uniqueIp();
    // Windows are aligned to the epoch; start right after a boundary so the first three
    // requests share one window (straddling two would weigh the older one in only partly).
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(429);
    // A sliding window weighs the previous window in, so wait until both have passed.
    await new Promise((r) => setTimeout(r, 2100));
    const after = await get(env, { ip });
    expect(after.status).toBe(200);
  });
});

describe("when the limiter's backend is down", () => {
  const control = (action: "stop" | "start") =>
    fetch(`${inject("bridgeControlUrl")}/bridge/${action}`, { method: "POST" }).then((r) => expect(r.status).toBe(204));
  const pausable = (extra: Record<string, string> = {}) =>
    limits("anonymous=1000/60s,user=1000/60s,write=1000/60s", {
      UPSTASH_REDIS_REST_URL: inject("pausableUpstashUrl"),
      RATE_LIMIT_TIMEOUT_MS: "500",
      ...extra,
    });

  it("degrades to this isolate's own limiter (still a limit, never none) and logs a metric when the bridge stops", async () => {
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    const env = pausable({ RATE_LIMITS: "anonymous=3/60s,user=1000/60s,write=2/60s" });
    const ip = uniqueIp();
    const before = await get(env, { ip });
    expect(before.status).toBe(200);
    expect(before.headers.get("ratelimit-limit")).toBe("3");

    await control("stop");
    try {
      const during = [await get(env, { ip }), await get(env, { ip }), await get(env, { ip }), await get(env, { ip })];
      // The local limiter starts empty: a whole budget, then 429s, with the usual headers.
      expect(during.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(during[0]!.headers.get("ratelimit-limit")).toBe("3");
      expect(during[3]!.headers.get("retry-after")).not.toBeNull();
      // Writes too: the production config (fail-open) still limits them.
      const token = await hsToken({ sub: uniqueSub() });
      expect([(await post(env, token)).status, (await post(env, token)).status, (await post(env, token)).status]).toEqual([201, 201, 429]);
    } finally {
      await control("start");
    }
    const logged = warnings.map((l) => JSON.parse(l)).filter((l) => l.msg === "rate limiter unavailable");
    expect(logged.length).toBeGreaterThanOrEqual(7);
    expect(logged[0]).toMatchObject({ level: "warn", policy: "local", metric: "rate_limit.local_fallback", count: 1, reason: "error" });

    const after = await get(env, { ip: uniqueIp() });
    expect(after.status).toBe(200);
    expect(after.headers.get("ratelimit-limit")).toBe("3");
  });

  it("refuses writes with 503 when configured fail-closed, while reads stay open", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const env = pausable({ RATE_LIMIT_FAIL_CLOSED_WRITES: "true" });
    const token = await hsToken({ sub: uniqueSub() });
    await control("stop");
    try {
      const write = await post(env, token);
      expect(write.status).toBe(503);
      expect(write.headers.get("retry-after")).toBe("5");
      expect((await write.json<{ error: { code: string } }>()).error.code).toBe("service_unavailable");
      expect((await get(env, { token })).status).toBe(200);
    } finally {
      await control("start");
    }
    expect((await post(env, token)).status).toBe(201);
  });
});

describe("rate-limit configuration", () => {
  it("fails loudly when the Upstash URL is set without a token", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const res = await get(limits("", { UPSTASH_REDIS_REST_TOKEN: "" }));
    expect(res.status).toBe(500);
    expect(errors.join("\n")).toContain("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together");
  });

  it("fails loudly when Upstash is required (production) but not configured", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const res = await get(limits("", { UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "", RATE_LIMIT_REQUIRE_UPSTASH: "true" }));
    expect(res.status).toBe(500);
    expect(errors.join("\n")).toContain("RATE_LIMIT_REQUIRE_UPSTASH");
  });

  it("rejects a malformed tier specification", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    expect((await get(limits("anonymous=lots"))).status).toBe(500);
    expect(errors.map((l) => JSON.parse(l).error).join("\n")).toContain('bad entry "anonymous=lots"');
  });

  it("rejects a RATE_LIMIT_PREFIX that could collide with key syntax", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    expect((await get(limits("anonymous=5/60s", { RATE_LIMIT_PREFIX: "has space*" }))).status).toBe(500);
    expect(errors.map((l) => JSON.parse(l).error).join("\n")).toContain("RATE_LIMIT_PREFIX");
  });

  it("refuses plain-HTTP Upstash and JWKS URLs in production, naming each", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    // The suite's own bridge and identity provider are http:// on loopback: fine in development...
    expect((await get(limits("anonymous=100/60s", { ENVIRONMENT: "development" }), { ip: uniqueIp() })).status).toBe(200);
    // ...refused in production, before any request is served.
    expect((await get(limits("anonymous=100/60s", { ENVIRONMENT: "production" }), { ip: uniqueIp() })).status).toBe(500);
    expect(errors.map((l) => JSON.parse(l).error).join("\n")).toContain("JWKS_URL, UPSTASH_REDIS_REST_URL must use https:// in production");
    // Whatever the scheme's spelling.
    const shouting = limits("anonymous=100/60s", { ENVIRONMENT: "production", JWKS_URL: inject("jwksUrl").replace("http:", "HTTP:") });
    expect((await get(shouting, { ip: uniqueIp() })).status).toBe(500);
  });

  it("falls back to an in-memory limiter, with a warning, when Upstash is not configured", async () => {
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    const env = limits("anonymous=2/60s", { UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "" });
    const ip = uniqueIp();
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(200);
    expect((await get(env, { ip })).status).toBe(429);
    expect(warnings.join("\n")).toContain("rate limits are local to this isolate");
  });
});
