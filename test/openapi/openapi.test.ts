import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { call } from "../helpers/api";

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
      .routes.filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
      .map((r) => `${r.method} ${r.path}`);
    expect(mounted.length).toBeGreaterThanOrEqual(7);
    for (const route of mounted) expect(documented, route).toContain(route);
  });

  it("marks writes as needing a bearer token and documents their error responses", async () => {
    const { json } = await call("GET", "/openapi.json");
    const post = (json as any).paths["/api/markets"].post;
    expect(post.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(post.responses).sort()).toEqual(["201", "400", "401", "403", "413", "415"]);
    expect(post.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
    const list = (json as any).paths["/api/markets"].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["cursor", "limit", "offset", "order", "sort", "status"]);
  });

  it("documents search and the admin endpoints with their parameters, security and error responses", async () => {
    const { json } = await call("GET", "/openapi.json");
    const paths = (json as any).paths;
    const searchOp = paths["/api/markets/search"].get;
    expect(searchOp.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["limit", "mode", "q", "status"]);
    expect(Object.keys(searchOp.responses).sort()).toEqual(["200", "400", "401"]);
    const reindex = paths["/api/admin/reindex"].post;
    expect(reindex.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(reindex.responses).sort()).toEqual(["202", "401", "403", "503"]);
    expect(Object.keys(paths["/api/admin/index-failures"].get.responses).sort()).toEqual(["200", "400", "401", "403"]);
    const replay = paths["/api/admin/index-failures/replay"].post;
    expect(replay.requestBody.required).toBe(false);
    expect(replay.responses["503"].content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorEnvelope");
  });
});
