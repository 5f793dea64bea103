import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { call } from "../helpers/api";

// The document itself and the HTML page that renders it are not API operations.
const NOT_OPERATIONS = new Set(["/openapi.json", "/docs"]);

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document describing every mounted route", async () => {
    const { res, json } = await call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = json as unknown as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });

    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const mounted = createApp()
      .routes.filter((r) => r.method !== "ALL" && !NOT_OPERATIONS.has(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(mounted.length).toBeGreaterThanOrEqual(7);
    for (const route of mounted) expect(documented, route).toContain(route);
  });

  it("marks writes as needing a bearer token and documents their error responses", async () => {
    const { json } = await call("GET", "/openapi.json");
    const post = (json as any).paths["/api/markets"].post;
    expect(post.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(post.responses).sort()).toEqual(["201", "400", "401", "403", "409", "413", "415", "422", "429", "500", "503"]);
    expect(post.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
    const list = (json as any).paths["/api/markets"].get;
    expect(list.parameters.filter((p: { in?: string }) => p.in === "query").map((p: { name: string }) => p.name).sort()).toEqual(["cursor", "limit", "offset", "order", "sort", "status"]);
  });

  it("documents what middleware adds to every /api operation: headers, bookmark, 429 and 500", async () => {
    const { json } = await call("GET", "/openapi.json");
    const doc = json as any;
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    const api = ops.filter((o) => o.path.startsWith("/api/"));
    expect(api.length).toBeGreaterThanOrEqual(7);
    for (const { path, method, op } of api) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.parameters ?? [], where).toContainEqual({ $ref: "#/components/parameters/D1Bookmark" });
      expect(op.responses["429"], where).toEqual({ $ref: "#/components/responses/RateLimited" });
      expect(op.responses["500"], where).toEqual({ $ref: "#/components/responses/InternalError" });
      const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"))?.[1] as any;
      expect(Object.keys(success.headers), where).toEqual(
        expect.arrayContaining(["X-Request-Id", "X-D1-Bookmark", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]),
      );
    }
    expect(doc.components.responses.RateLimited.headers["Retry-After"]).toEqual({ $ref: "#/components/headers/Retry-After" });
    expect(doc.components.parameters.D1Bookmark).toMatchObject({ name: "x-d1-bookmark", in: "header", required: false });
    // Clients can switch on the error code: the envelope lists every code the API emits.
    expect(doc.components.schemas.ErrorEnvelope.properties.error.properties.code.enum).toContain("rate_limited");
  });

  it("matches what the middleware really sends (rate-limit and request-id headers)", async () => {
    const { res } = await call("GET", "/api/markets?limit=1");
    for (const header of ["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]) {
      expect(res.headers.get(header), header).toMatch(/\S/);
    }
  });

  it("documents search and the admin endpoints with their parameters, security and error responses", async () => {
    const { json } = await call("GET", "/openapi.json");
    const paths = (json as any).paths;
    const searchOp = paths["/api/markets/search"].get;
    expect(searchOp.parameters.filter((p: { in?: string }) => p.in === "query").map((p: { name: string }) => p.name).sort()).toEqual(["limit", "mode", "q", "status"]);
    expect(Object.keys(searchOp.responses).sort()).toEqual(["200", "304", "400", "401", "429", "500", "503"]);
    const reindex = paths["/api/admin/reindex"].post;
    expect(reindex.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(reindex.responses).sort()).toEqual(["202", "400", "401", "403", "413", "415", "429", "500", "503"]);
    expect(Object.keys(paths["/api/admin/index-failures"].get.responses).sort()).toEqual(["200", "304", "400", "401", "403", "429", "500", "503"]);
    const replay = paths["/api/admin/index-failures/replay"].post;
    expect(replay.requestBody.required).toBe(false);
    expect(replay.responses["503"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
  });
});

describe("GET /docs", () => {
  it("renders the reference page with its assets served from this origin, not a CDN", async () => {
    const { res, text } = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const sources = [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["/docs/assets/swagger-ui-dist/swagger-ui.css", "/docs/assets/swagger-ui-dist/swagger-ui-bundle.js"]);
    expect(text).toContain("url: '/openapi.json'");
  });

  it("serves the page under a strict Content-Security-Policy: its own origin, its one inline script by hash", async () => {
    const { res, text } = await call("GET", "/docs");
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(inline[0])));
    expect(directives["script-src"]).toEqual(["'self'", `'sha256-${btoa(String.fromCharCode(...digest))}'`]);
  });

});
