import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";

// Each place where a consumer's tool found the document and the server apart: what the document
// says, next to what the server does.
let doc: any;
beforeAll(async () => {
  doc = (await call("GET", "/openapi.json")).json;
});
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe("what generated SDKs need", () => {
  it("gives every operation a stable operationId and a tag declared at the top level", () => {
    const ids = Object.fromEntries(operations().map(({ path, method, op }) => [`${method.toUpperCase()} ${path}`, op.operationId]));
    expect(ids).toEqual({
      "GET /health": "getHealth",
      "GET /api/markets": "listMarkets",
      "POST /api/markets": "createMarket",
      "GET /api/markets/search": "searchMarkets",
      "GET /api/markets/{id}": "getMarket",
      "PUT /api/markets/{id}": "replaceMarket",
      "PATCH /api/markets/{id}": "updateMarket",
      "DELETE /api/markets/{id}": "deleteMarket",
      "GET /api/markets/{id}/positions": "listPositions",
      "POST /api/markets/{id}/positions": "createPosition",
      "GET /api/me/positions": "listMyPositions",
      "POST /api/admin/reindex": "reindexMarkets",
      "GET /api/admin/index-failures": "listIndexFailures",
      "POST /api/admin/index-failures/replay": "replayIndexFailures",
    });
    const declared = doc.tags.map((t: { name: string }) => t.name);
    for (const { op } of operations()) for (const tag of op.tags) expect(declared).toContain(tag);
  });

  it("lists the deployment that served the document first, then the production template", () => {
    expect(doc.servers.map((s: { url: string }) => s.url)).toEqual(["https://api.test", "https://markets-api.{subdomain}.workers.dev"]);
  });

  it("declares optional auth on public reads, where a bad token is a 401", async () => {
    const get = doc.paths["/api/markets/{id}"].get;
    expect(get.security).toEqual([{}, { bearerAuth: [] }]);
    const { res } = await call("GET", "/api/markets/x", { token: "a.b.c" });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer error="invalid_token"');
    expect(doc.components.responses.Unauthorized.headers["WWW-Authenticate"]).toBeDefined();
    expect(get.responses["401"].headers["WWW-Authenticate"]).toBeDefined();
  });

  it("types error details and shows each failure status with its own code", async () => {
    expect(doc.components.schemas.ErrorDetail.required.sort()).toEqual(["location", "message", "path"]);
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        if (!/^[45]/.test(status)) continue;
        const resolved = response.$ref ? doc.components.responses[response.$ref.split("/").pop()] : response;
        const code = resolved.content["application/json"].example.error.code;
        expect(resolved.description, `${status} ${code}`).toContain(code);
      }
    }
    const { json } = await call("GET", "/api/markets?limit=0");
    expect(json.error?.details).toEqual([{ location: "query", path: "limit", message: expect.any(String) }]);
    // The 400 example is a real answer, not an invented one.
    const example = doc.components.responses.InvalidRequest.content["application/json"].example;
    const { token } = await actor();
    const real = await call("POST", "/api/markets", { token, body: { name: "A valid name", initialPosition: { side: "yes", amount: 0 } } });
    expect(real.json.error).toEqual(example.error);
  });
});

describe("where the document and the server used to disagree", () => {
  it("documents ETag and 304, and the server answers If-None-Match with 304", async () => {
    const list = doc.paths["/api/markets"].get;
    expect(list.responses["200"].headers).toMatchObject({ ETag: {}, "Cache-Control": {}, "X-Cache": {} });
    expect(list.responses["304"]).toEqual({ $ref: "#/components/responses/NotModified" });
    expect(list.parameters).toContainEqual({ $ref: "#/components/parameters/IfNoneMatch" });
    const first = await call("GET", "/api/markets?limit=1");
    const again = await call("GET", "/api/markets?limit=1", { headers: { "If-None-Match": first.res.headers.get("ETag")! } });
    expect(again.res.status).toBe(304);
  });

  it("documents Location on a created market", async () => {
    expect(doc.paths["/api/markets"].post.responses["201"].headers.Location).toBeDefined();
  });

  it("says PATCH needs at least one field, as the server does", async () => {
    expect(doc.components.schemas.PatchMarket.minProperties).toBe(1);
    const { token } = await actor();
    const { id } = await createMarket(token);
    expect((await call("PATCH", `/api/markets/${id}`, { token, body: {} })).res.status).toBe(400);
  });

  it("checks text lengths on the text as sent, with a pattern that requires enough non-space characters", async () => {
    const name = doc.components.schemas.CreateMarket.properties.name;
    const pattern = new RegExp(name.pattern);
    const { token } = await actor();
    for (const [value, valid] of [["  ab  ", false], ["  abc  ", true], ["a b", true], ["ab ", false]] as const) {
      expect(pattern.test(value) && value.length >= name.minLength, value).toBe(valid);
      const { res, json } = await call("POST", "/api/markets", { token, body: { name: value } });
      expect(res.status, value).toBe(valid ? 201 : 400);
      if (valid) expect(json.data.name).toBe(value.trim());
    }
    const q = doc.paths["/api/markets/search"].get.parameters.find((p: { name: string }) => p.name === "q").schema;
    expect(new RegExp(q.pattern).test("   ")).toBe(false);
    expect((await call("GET", "/api/markets/search?q=%20%20%20")).res.status).toBe(400);
    expect((await call("GET", "/api/markets/search?q=%20rain%20")).res.status).toBe(200);
  });

  it("documents offset as an integer and that it excludes cursor", () => {
    const params = doc.paths["/api/markets"].get.parameters;
    const offset = params.find((p: { name: string }) => p.name === "offset");
    expect(offset.schema.type).toBe("integer");
    expect(offset.description).toMatch(/cursor/);
    expect(params.find((p: { name: string }) => p.name === "cursor").description).toMatch(/offset/);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("answers %s /api/markets/search with 405 and Allow (the literal wins)", async (method) => {
    const { token } = await actor("admin");
    const { res, json } = await call(method, "/api/markets/search", { token, body: { name: "Never an update" } });
    expect(res.status).toBe(405);
    expect(json.error?.code).toBe("method_not_allowed");
    expect(res.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("takes a replay with a JSON content type and no body as its optional body, as reindex does", async () => {
    const { token } = await actor("admin");
    for (const rawBody of [undefined, "", "  "]) {
      const { res, json } = await call("POST", "/api/admin/index-failures/replay", {
        token,
        headers: { "Content-Type": "application/json" },
        ...(rawBody === undefined ? {} : { rawBody }),
      });
      expect(res.status, JSON.stringify(rawBody)).toBe(200);
      expect(json.data).toMatchObject({ replayed: expect.any(Number), remaining: expect.any(Boolean) });
    }
    const bad = await call("POST", "/api/admin/index-failures/replay", { token, rawBody: "{", headers: { "Content-Type": "application/json" } });
    expect(bad.json.error?.code).toBe("malformed_json");
  });
});
