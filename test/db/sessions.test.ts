import { describe, expect, it, vi } from "vitest";
import { call } from "../helpers/api";
import { actor } from "../helpers/fixtures";

describe("D1 sessions and bookmarks", () => {
  it("returns a bookmark on reads and writes, and a write's bookmark gives read-your-writes", async () => {
    const read = await call("GET", "/api/markets?limit=1");
    expect(read.res.headers.get("x-d1-bookmark")).toBeTruthy();

    const { token } = await actor();
    const created = await call("POST", "/api/markets", { token, body: { name: "Bookmarked market" } });
    const bookmark = created.res.headers.get("x-d1-bookmark");
    expect(bookmark).toBeTruthy();

    const after = await call("GET", `/api/markets/${created.json.data.id}`, { headers: { "x-d1-bookmark": bookmark! } });
    expect(after.res.status).toBe(200);
    expect(after.json.data.name).toBe("Bookmarked market");
    expect(after.res.headers.get("x-d1-bookmark")! >= bookmark!).toBe(true);
  });

  it("rejects a bookmark that cannot be one with 400, and logs it as a 400", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void lines.push(line));
    const { res, json } = await call("GET", "/api/markets", { headers: { "x-d1-bookmark": "not a bookmark; drop" } });
    expect(res.status).toBe(400);
    const access = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request");
    expect(access).toMatchObject({ status: 400, requestId: res.headers.get("x-request-id") });
    vi.restoreAllMocks();
    expect(json.error?.details[0]).toMatchObject({ location: "header", path: "x-d1-bookmark" });
  });

  it("lets browsers send and read the bookmark (CORS)", async () => {
    const pre = await call("OPTIONS", "/api/markets", {
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-d1-bookmark" },
    });
    expect(pre.res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-d1-bookmark");
    const get = await call("GET", "/api/markets?limit=1", { headers: { Origin: "https://app.example" } });
    expect(get.res.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("x-d1-bookmark");
  });
});
