import { describe, expect, it } from "vitest";
import { call, tableCounts } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";

/** Asserts the failure envelope and that no table changed. */
async function expectRejected(
  request: () => Promise<{ res: Response; json: any }>,
  status: number,
  code: string,
) {
  const before = await tableCounts();
  const { res, json } = await request();
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(json).toMatchObject({ success: false, error: { code }, requestId: res.headers.get("x-request-id") });
  expect(typeof json.error.message).toBe("string");
  expect(await tableCounts()).toEqual(before);
  return { res, json };
}

describe("bad input is a clear 4xx and changes nothing", () => {
  it("malformed JSON is 400 malformed_json", async () => {
    const { token } = await actor();
    await expectRejected(
      () => call("POST", "/api/markets", { token, rawBody: '{"name": "oops",', headers: { "Content-Type": "application/json" } }),
      400,
      "malformed_json",
    );
  });

  it("schema violations are 400 with each zod issue's path and message", async () => {
    const { token } = await actor();
    const { json } = await expectRejected(
      () => call("POST", "/api/markets", { token, body: { name: "x", description: 42 } }),
      400,
      "validation_failed",
    );
    expect(json.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "json", path: "name", message: expect.any(String) }),
        expect.objectContaining({ location: "json", path: "description", message: expect.any(String) }),
      ]),
    );
  });

  it.each([
    ["id", { id: "chosen-id" }],
    ["volume", { volume: 1_000_000 }],
    ["creatorId", { creatorId: "someone-else" }],
    ["creator_id", { creator_id: "someone-else" }],
    ["createdAt", { createdAt: "2020-01-01T00:00:00Z" }],
    ["status", { status: "resolved" }],
  ])("unknown body key %s is rejected on create (no mass assignment)", async (key, extra) => {
    const { token } = await actor();
    const { json } = await expectRejected(
      () => call("POST", "/api/markets", { token, body: { name: "Mass assignment attempt", ...extra } }),
      400,
      "validation_failed",
    );
    expect(json.error.details[0].message).toContain(key);
  });

  it.each(["PUT", "PATCH"])("unknown body keys are rejected on %s and the market is unchanged", async (method) => {
    const { token } = await actor();
    const m = await createMarket(token);
    await expectRejected(
      () =>
        call(method, `/api/markets/${m.id}`, {
          token,
          body: { name: "New name", description: "d", status: "closed", volume: 99, creatorId: "x" },
        }),
      400,
      "validation_failed",
    );
    expect((await call("GET", `/api/markets/${m.id}`)).json.data).toEqual(m);
  });

  it("a non-JSON content type is 415", async () => {
    const { token } = await actor();
    await expectRejected(
      () => call("POST", "/api/markets", { token, rawBody: "name=form", headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      415,
      "unsupported_media_type",
    );
    await expectRejected(() => call("POST", "/api/markets", { token, rawBody: '{"name":"No type"}' }), 415, "unsupported_media_type");
  });

  it("an oversized body is 413", async () => {
    const { token } = await actor();
    const huge = { name: "Big one", description: "x".repeat(70 * 1024) };
    await expectRejected(() => call("POST", "/api/markets", { token, body: huge }), 413, "payload_too_large");
  });

  it("an unknown route is 404", async () => {
    await expectRejected(() => call("GET", "/api/nothing-here"), 404, "not_found");
    await expectRejected(() => call("GET", "/"), 404, "not_found");
  });

  it("a wrong method is 405 with an Allow header", async () => {
    const { token } = await actor();
    const { res } = await expectRejected(() => call("DELETE", "/api/markets", { token }), 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, POST, HEAD");
    const item = await expectRejected(() => call("POST", "/api/markets/some-id", { token, body: {} }), 405, "method_not_allowed");
    expect(item.res.headers.get("allow")?.split(", ").sort()).toEqual(["DELETE", "GET", "HEAD", "PATCH", "PUT"]);
  });

  it("validation runs after authentication: anonymous bad input is a 401, not a 400", async () => {
    await expectRejected(() => call("POST", "/api/markets", { body: { nope: true } }), 401, "unauthorized");
  });
});
