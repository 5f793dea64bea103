import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { fetchWith } from "../helpers/entry";

const sha1Hex = async (bytes: ArrayBuffer) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

// JSON routes compute their ETag from the body before the response exists (jsonETag); it must be
// exactly the hash of the bytes sent, or clients would be told "not modified" about other bytes.
describe("ETags of JSON reads", () => {
  it("are the SHA-1 of the exact body sent, for a market, a list page and position pages", async () => {
    const { token } = await actor();
    const m = await createMarket(token, { initialPosition: { side: "yes", amount: 500 } });
    for (const [path, auth] of [
      [`/api/markets/${m.id}`, false],
      ["/api/markets?limit=5", false],
      [`/api/markets/${m.id}/positions`, false],
      ["/api/me/positions", true],
    ] as const) {
      const res = await fetchWith({}, path, auth ? { headers: { Authorization: `Bearer ${token}` } } : {});
      expect(res.status, path).toBe(200);
      const bytes = await res.arrayBuffer();
      expect(res.headers.get("etag"), path).toBe(`"${await sha1Hex(bytes)}"`);
      const again = await fetchWith({}, path, { headers: { "If-None-Match": res.headers.get("etag")!, ...(auth ? { Authorization: `Bearer ${token}` } : {}) } });
      expect(again.status, path).toBe(304);
    }
  });

  it("change when the representation changes", async () => {
    const { token } = await actor();
    const m = await createMarket(token);
    const before = (await call("GET", `/api/markets/${m.id}`)).res.headers.get("etag");
    expect((await call("PATCH", `/api/markets/${m.id}`, { token, body: { name: "A different name" } })).res.status).toBe(200);
    const after = (await call("GET", `/api/markets/${m.id}`)).res.headers.get("etag");
    expect(after).not.toBe(before);
  });
});

describe("CORS", () => {
  it("exposes the API's headers on successes and errors alike", async () => {
    for (const path of ["/api/markets", "/api/markets/does-not-exist"]) {
      const { res } = await call("GET", path, { headers: { Origin: "https://app.example" } });
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("access-control-expose-headers")?.toLowerCase(), path).toContain("ratelimit-remaining");
      expect(res.headers.get("access-control-expose-headers")?.toLowerCase(), path).toContain("etag");
    }
  });

  it("a request refused while its D1 session is opened (malformed bookmark) is a 400 a browser can read", async () => {
    const { res, json } = await call("GET", "/api/markets", { headers: { Origin: "https://app.example", "X-D1-Bookmark": "not a bookmark!" } });
    expect(res.status).toBe(400);
    expect(json).toMatchObject({ success: false, error: { code: "validation_failed" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("with an origin list, allows only listed origins and varies on Origin", async () => {
    const overrides = { CORS_ORIGINS: "https://app.example, https://admin.example" } as Partial<Env>;
    const allowed = await fetchWith(overrides, "/api/markets", { headers: { Origin: "https://admin.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example");
    expect(allowed.headers.get("vary")?.toLowerCase()).toContain("origin");
    const other = await fetchWith(overrides, "/api/markets", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")?.toLowerCase()).toContain("origin");
    const preflight = await fetchWith(overrides, "/api/markets", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });
});
