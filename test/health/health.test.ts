import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

describe("GET /health", () => {
  it("reports D1 reachable", async () => {
    const { res, json } = await call("GET", "/health");
    expect(res.status).toBe(200);
    expect(json).toEqual({ success: true, data: { status: "ok", checks: { d1: "ok" } } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
