import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../helpers/api";
import { brokenD1 } from "../helpers/d1-doubles";
import { fetchWith } from "../helpers/entry";

afterEach(() => vi.restoreAllMocks());

describe("unexpected failures", () => {
  it("are a 500 envelope with the request id and no stack or SQL, and are logged with the stack", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const res = await fetchWith({ DB: brokenD1() }, "/api/markets", { headers: { "x-request-id": "req-500-check" } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: { code: "internal_error", message: "Internal server error" },
      requestId: "req-500-check",
    });
    expect(text).not.toMatch(/SELECT|SQLITE|D1_ERROR|at .*\.ts/);
    const logged = errors.map((l) => JSON.parse(l)).find((l) => l.msg === "unhandled error");
    expect(logged).toMatchObject({ level: "error", requestId: "req-500-check", path: "/api/markets" });
    expect(logged.stack).toMatch(/^Error: /);
    expect(logged.causes.join(" ")).toContain("D1_ERROR");
  });

  it("health answers 503 when D1 does not", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await fetchWith({ DB: brokenD1() }, "/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "service_unavailable" } });
  });

  it("a missing or weak JWT_SECRET fails every request loudly instead of running unauthenticated", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    for (const secret of [undefined, "too-short"]) {
      const res = await fetchWith({ JWT_SECRET: secret as unknown as string }, "/api/markets");
      expect(res.status).toBe(500);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("internal_error");
    }
    expect(errors.join("\n")).toContain("JWT_SECRET");
  });
});

describe("request ids and access logs", () => {
  it("echoes a sane incoming x-request-id and replaces an unsafe one", async () => {
    const sane = await call("GET", "/health", { headers: { "x-request-id": "client-abc_123" } });
    expect(sane.res.headers.get("x-request-id")).toBe("client-abc_123");
    const unsafe = await call("GET", "/api/nope", { headers: { "x-request-id": "bad id with spaces" } });
    const id = unsafe.res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.json.requestId).toBe(id);
  });

  it("writes one JSON access-log line per request with the agreed fields", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "warn").mockImplementation((line: string) => void lines.push(line));
    await call("GET", "/api/markets?limit=1", { headers: { "x-request-id": "log-check-1" } });
    await call("GET", "/api/markets/missing", { headers: { "x-request-id": "log-check-2" } });
    const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({ level: "info", requestId: "log-check-1", method: "GET", path: "/api/markets", status: 200 });
    expect(access[0].route).toBe("/api/markets");
    expect(access[1]).toMatchObject({ level: "warn", requestId: "log-check-2", route: "/api/markets/:id", status: 404 });
    for (const l of access) {
      expect(typeof l.durationMs).toBe("number");
      expect(Date.parse(l.ts)).not.toBeNaN();
    }
  });
});

describe("response headers", () => {
  it("carry secure defaults and CORS for browsers", async () => {
    const { res } = await call("GET", "/api/markets", { headers: { Origin: "https://app.example" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = await call("OPTIONS", "/api/markets", {
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" },
    });
    expect(pre.res.status).toBe(204);
    expect(pre.res.headers.get("access-control-allow-headers")).toContain("Authorization");
  });
});
