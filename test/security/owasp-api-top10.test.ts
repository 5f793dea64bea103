import { env } from "cloudflare:workers";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { hsToken } from "../helpers/tokens";
import { fetchWith } from "../helpers/entry";

// OWASP API Security Top 10 (2023), one section per risk; docs/security.md maps each to its
// requirement and to the other test files that cover it.

/** Every key at any depth of a JSON value. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

describe("API1:2023 broken object level authorization", () => {
  it("a user cannot replace, re-state or delete another user's market, and nothing changes", async () => {
    const owner = await actor();
    const other = await actor();
    const market = await createMarket(owner.token, { description: "owned" });
    const before = await call("GET", `/api/markets/${market.id}`);
    const attempts = [
      call("PUT", `/api/markets/${market.id}`, { token: other.token, body: { name: "Taken over", description: "x", status: "closed" } }),
      call("PATCH", `/api/markets/${market.id}`, { token: other.token, body: { status: "resolved" } }),
      call("DELETE", `/api/markets/${market.id}`, { token: other.token }),
    ];
    for (const { res, json } of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(json.error?.code).toBe("forbidden");
    }
    expect((await call("GET", `/api/markets/${market.id}`)).json.data).toEqual(before.json.data);
  });

  it("positions are attributed to the token's subject only, and /api/me shows only the caller's own", async () => {
    const alice = await actor();
    const bob = await actor();
    const market = await createMarket(alice.token);
    const spoof = await call("POST", `/api/markets/${market.id}/positions`, {
      token: bob.token,
      body: { side: "yes", amount: 10, userId: alice.sub },
    });
    expect(spoof.res.status).toBe(400);
    expect((await call("POST", `/api/markets/${market.id}/positions`, { token: alice.token, body: { side: "yes", amount: 10 } })).res.status).toBe(201);
    const mine = await call("GET", "/api/me/positions", { token: bob.token });
    expect(mine.res.status).toBe(200);
    expect(mine.json.data).toEqual([]);
  });
});

describe("API2:2023 broken authentication", () => {
  it("refuses a token that carries its own key (embedded jwk / jku headers) instead of trusting it", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = await exportJWK(publicKey);
    const forged = await new SignJWT({ role: "admin" })
      .setProtectedHeader({ alg: "RS256", jwk, jku: "https://attacker.example/jwks.json", kid: "attacker" })
      .setSubject("attacker")
      .setIssuer("markets-api")
      .setAudience("markets-api")
      .setExpirationTime("5m")
      .sign(privateKey);
    const { res, json } = await call("POST", "/api/markets", { token: forged, body: { name: "Forged admin market" } });
    expect(res.status).toBe(401);
    expect(json.error?.code).toBe("unauthorized");
  });

  it("answers oversized and repeated Authorization headers with 401, not a crash", async () => {
    const huge = await call("GET", "/api/markets", { headers: { Authorization: `Bearer ${"a".repeat(16_000)}` } });
    expect(huge.res.status).toBe(401);
    const token = await hsToken({ sub: "twice" });
    const headers = new Headers();
    headers.append("Authorization", `Bearer ${token}`);
    headers.append("Authorization", `Bearer ${token}`);
    const twice = await call("GET", "/api/markets", { headers: Object.fromEntries(headers) });
    expect(twice.res.status).toBe(401);
  });
});

describe("API3:2023 broken object property level authorization", () => {
  it("rejects writes to server-owned properties (mass assignment) and writes nothing", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    const before = await tableCounts();
    for (const extra of [{ id: "chosen-id" }, { volume: 1e9 }, { creatorId: "someone" }, { createdAt: "2000-01-01T00:00:00Z" }, { status: "resolved" }]) {
      const created = await call("POST", "/api/markets", { token, body: { name: "Mass assignment", ...extra } });
      expect(created.res.status, JSON.stringify(extra)).toBe(400);
    }
    for (const extra of [{ volume: 0 }, { id: "other" }, { creator: { id: "x" } }]) {
      const patched = await call("PATCH", `/api/markets/${market.id}`, { token, body: { name: "Still mine", ...extra } });
      expect(patched.res.status, JSON.stringify(extra)).toBe(400);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("never exposes another user's private fields (email, role) in any read", async () => {
    const { token } = await actor();
    const market = await createMarket(token, { initialPosition: { side: "yes", amount: 5 } });
    const reads = await Promise.all([
      call("GET", `/api/markets/${market.id}`),
      call("GET", "/api/markets?limit=100"),
      call("GET", `/api/markets/${market.id}/positions`),
      call("GET", "/api/me/positions", { token }),
    ]);
    for (const { res, json } of reads) {
      expect(res.status).toBe(200);
      const keys = keysOf(json);
      for (const secret of ["email", "role", "password", "secret", "token"]) expect(keys, res.url).not.toContain(secret);
    }
  });
});

describe("API4:2023 unrestricted resource consumption", () => {
  it("caps page sizes, offsets, cursor and text lengths", async () => {
    const { token } = await actor();
    const capped = [
      await call("GET", "/api/markets?limit=101"),
      await call("GET", "/api/markets?limit=0"),
      await call("GET", "/api/markets?offset=10001"),
      await call("GET", `/api/markets?cursor=${"a".repeat(513)}`),
      await call("GET", "/api/me/positions?limit=101", { token }),
      await call("POST", "/api/markets", { token, body: { name: "n".repeat(201) } }),
      await call("POST", "/api/markets", { token, body: { name: "Long description", description: "d".repeat(5001) } }),
    ];
    for (const { res, json } of capped) {
      expect(res.status).toBe(400);
      expect(json.error?.code).toBe("validation_failed");
    }
  });

  it("limits the body size even when the client streams it without a Content-Length", async () => {
    const { token } = await actor();
    const before = await tableCounts();
    const chunk = new TextEncoder().encode(`{"name":"streamed","description":"${"x".repeat(60_000)}`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(new TextEncoder().encode(`${"y".repeat(10_000)}"}`));
        controller.close();
      },
    });
    const res = await fetchWith({}, "/api/markets", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await tableCounts()).toEqual(before);
  });

  it("rate limits each identity and says when to come back", async () => {
    const limited = { RATE_LIMITS: "anonymous=2/60s,user=2/60s,write=2/60s,admin=2/60s" };
    const ip = { "CF-Connecting-IP": `198.51.100.${Math.floor(Math.random() * 200)}` };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetchWith(limited, "/api/markets?limit=1", { headers: ip });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last?.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("API5:2023 broken function level authorization", () => {
  it("deleting is a moderator/admin function: a plain user gets 403, an anonymous caller 401", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    expect((await call("DELETE", `/api/markets/${market.id}`, { token })).res.status).toBe(403);
    expect((await call("DELETE", `/api/markets/${market.id}`)).res.status).toBe(401);
    const moderator = await actor("moderator");
    expect((await call("DELETE", `/api/markets/${market.id}`, { token: moderator.token })).res.status).toBe(204);
  });

  it("a role claim the API does not know gives no access at all", async () => {
    const token = await hsToken({ sub: "root-wannabe", role: "superadmin" });
    expect((await call("GET", "/api/me/positions", { token })).res.status).toBe(401);
  });
});

describe("API6:2023 unrestricted access to sensitive business flows", () => {
  it("positions cannot move volume backwards or land on a market that is no longer active", async () => {
    const { token } = await actor();
    const market = await createMarket(token);
    for (const amount of [0, -100, 1.5, 1e13]) {
      const { res } = await call("POST", `/api/markets/${market.id}/positions`, { token, body: { side: "yes", amount } });
      expect(res.status, String(amount)).toBe(400);
    }
    await call("PATCH", `/api/markets/${market.id}`, { token, body: { status: "closed" } });
    const late = await call("POST", `/api/markets/${market.id}/positions`, { token, body: { side: "no", amount: 5 } });
    expect(late.res.status).toBe(409);
    expect(late.json.error?.code).toBe("market_not_active");
    expect((await call("GET", `/api/markets/${market.id}`)).json.data.volume).toBe(0);
  });
});

describe("API8:2023 security misconfiguration", () => {
  it("sends secure headers and no framework fingerprint", async () => {
    const { res } = await call("GET", "/api/markets?limit=1");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.has("x-powered-by")).toBe(false);
  });

  it("allows only the configured CORS origins", async () => {
    const cors = { CORS_ORIGINS: "https://app.example,https://admin.example" };
    const allowed = await fetchWith(cors, "/api/markets?limit=1", { headers: { Origin: "https://admin.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    const denied = await fetchWith(cors, "/api/markets?limit=1", { headers: { Origin: "https://evil.example" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetchWith(cors, "/api/markets", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "DELETE" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers unsupported methods with 405 and the envelope, never a stack trace", async () => {
    const { res, json, text } = await call("TRACE", "/api/markets");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD");
    expect(json.error?.code).toBe("method_not_allowed");
    expect(text).not.toMatch(/\bat \w+|\.ts:\d+|node_modules/);
  });
});

describe("API9:2023 improper inventory management", () => {
  it("every mounted route is in /openapi.json and nothing undocumented answers", async () => {
    const { json } = await call("GET", "/openapi.json");
    const documented = Object.keys((json as any).paths).map((p) => p.replace(/\{(\w+)\}/g, ":$1"));
    const mounted = new Set(createApp().routes.filter((r) => r.method !== "ALL").map((r) => r.path));
    for (const path of mounted) if (!["/openapi.json", "/docs"].includes(path)) expect(documented).toContain(path);
    for (const probe of ["/.env", "/debug", "/metrics", "/api/users", "/api/v0/markets", "/graphql", "/api/markets.json", "/admin"]) {
      const { res, json: body } = await call("GET", probe);
      expect(res.status, probe).toBe(404);
      expect(body.error?.code, probe).toBe("not_found");
    }
  });
});

describe("API10:2023 unsafe consumption of APIs", () => {
  it("a JWKS endpoint that answers garbage makes tokens unverifiable (401), not a crash", async () => {
    const garbageJwks = { JWKS_URL: new URL("/broken/jwks.json", inject("jwksUrl")).href };
    const { privateKey } = await generateKeyPair("RS256");
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "k" })
      .setSubject("s")
      .setIssuer("markets-api")
      .setAudience("markets-api")
      .setExpirationTime("5m")
      .sign(privateKey);
    const res = await fetchWith(garbageJwks, "/api/markets?limit=1", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it("stored text comes back as data, never interpreted (SQL and markup round-trip unchanged)", async () => {
    const { token } = await actor();
    const name = "'); DROP TABLE markets; -- <script>alert(1)</script>";
    const market = await createMarket(token, { name, description: "\u0000\u202e🙂" });
    const got = await call("GET", `/api/markets/${market.id}`);
    expect(got.json.data.name).toBe(name);
    expect(got.json.data.description).toBe("\u0000\u202e🙂");
    expect(got.res.headers.get("content-type")).toMatch(/^application\/json/);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM markets").first<{ n: number }>();
    expect(count?.n).toBeGreaterThan(0);
  });
});
