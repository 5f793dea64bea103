import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/http/errors";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { type DocumentedResponse, junkArb, mutatedArb, type Schema, schemaErrors, undocumentedHeaders, validArb } from "./openapi-arbitraries";

// Property-based fuzzing of every operation in /openapi.json: well-formed, mutated and hostile
// requests built from the document's own schemas. Seeded, so a failure replays exactly.
const RUNS = 10_000;
const SEED = 20261125;

type Parameter = { name: string; in: "path" | "query" | "header"; schema: Schema; required?: boolean };
type Operation = {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, DocumentedResponse>;
  security?: unknown[];
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, DocumentedResponse> };
};
interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  op: Operation;
}

let doc: Doc;
let ids: string[];
const tokens: Record<string, string> = {};

/** What a write could change; compared around every rejected request. */
async function fingerprint() {
  return env.DB.prepare(
    `SELECT (SELECT count(*) FROM markets) AS markets, (SELECT coalesce(sum(volume), 0) FROM markets) AS volume,
            (SELECT coalesce(max(updated_at), '') FROM markets) AS updated, (SELECT group_concat(status) FROM markets) AS statuses,
            (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM positions) AS positions`,
  ).first();
}

beforeAll(async () => {
  doc = (await call("GET", "/openapi.json")).json as unknown as Doc;
  for (const role of ["user", "moderator", "admin"] as const) tokens[role] = (await actor(role)).token;
  ids = [];
  // Enough targets that deletes and state changes along the run leave live ones to hit.
  for (let i = 0; i < 40; i++) ids.push((await createMarket(tokens.user!)).id);
});

function requestArb(): fc.Arbitrary<FuzzRequest> {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const idArb = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 4 },
    fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }),
    fc.string({ minLength: 600, maxLength: 2000 }),
    fc.constantFrom("%00", "' OR 1=1 --", "null", "0", "-1", "%2e%2e", "🙂"),
  );
  const authArb = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constantFrom("user", "user", "moderator", "admin").map((r) => `Bearer ${tokens[r]}`), weight: 6 },
    fc.constantFrom("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a.b.c", `Bearer ${tokens.user}x`, "bearer  x y z"),
    fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
  );
  const headerValue = fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, "x").trim());
  return fc.constantFrom(...ops).chain(({ path, method, op }) => {
    const params = (op.parameters ?? []).filter((p): p is Parameter => !("$ref" in p));
    const query = params.filter((p) => p.in === "query");
    const headerParams = params.filter((p) => p.in === "header");
    // Header values must be printable to be sent at all; a small pool makes key reuse likely.
    const headersArb = fc.record(
      Object.fromEntries(headerParams.map((p) => [p.name, fc.oneof(fc.constantFrom("k1", "k2", "k3"), headerValue)])),
      { requiredKeys: [] },
    );
    const queryArb = fc.record(
      Object.fromEntries(
        query.map((p) => [p.name, fc.oneof({ arbitrary: validArb(p.schema, doc.components), weight: 3 }, junkArb)]),
      ),
      { requiredKeys: [] },
    );
    const bodySchema = op.requestBody?.content["application/json"]?.schema;
    const bodyArb: fc.Arbitrary<string | undefined> = bodySchema
      ? fc.oneof(
          { arbitrary: mutatedArb(bodySchema, doc.components).map((v) => JSON.stringify(v) ?? "null"), weight: 6 },
          fc.constantFrom("", "{", '{"name":', "[]", "\u0000", "{}".repeat(5000), `{"name":"${"x".repeat(70_000)}"}`),
          fc.string({ maxLength: 200 }),
        )
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, fc.string({ maxLength: 50 }));
    return fc
      .record({
        id: idArb,
        query: queryArb,
        extraQuery: fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }))),
        body: bodyArb,
        auth: authArb,
        contentType: fc.oneof(
          { arbitrary: fc.constant("application/json"), weight: 6 },
          fc.constantFrom(undefined, "text/plain", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "application/jsonx"),
        ),
        bookmark: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, headerValue),
        declaredHeaders: headersArb,
        requestId: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, headerValue),
      })
      .map((r) => {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(r.query)) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
        if (r.extraQuery) search.append(...r.extraQuery);
        const id = r.id === "." || r.id === ".." ? "dot" : r.id;
        const url = path.replace("{id}", encodeURIComponent(id)) + (search.size ? `?${search}` : "");
        const headers: Record<string, string> = { ...(r.declaredHeaders as Record<string, string>) };
        if (r.auth) headers.Authorization = r.auth;
        if (r.body !== undefined && r.contentType) headers["Content-Type"] = r.contentType;
        if (r.bookmark !== undefined) headers["X-D1-Bookmark"] = r.bookmark;
        if (r.requestId !== undefined) headers["X-Request-Id"] = r.requestId;
        const body = method === "GET" ? undefined : r.body;
        return { method, path: url, headers, op, ...(body === undefined ? {} : { body }) };
      });
  });
}

describe(`fuzzing every documented operation (${RUNS} seeded requests)`, () => {
  it("never answers 5xx, always answers the documented envelope, and never writes on a 4xx", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(), async (req) => {
        const write = req.method !== "GET";
        const before = write ? await fingerprint() : undefined;
        const { res, json, text } = await call(req.method, req.path, {
          headers: req.headers,
          ...(req.body === undefined ? {} : { rawBody: req.body }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `${req.method} ${req.path} -> ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        // Every status is one the operation documents (middleware answers included).
        expect(Object.keys(req.op.responses), where).toContain(String(res.status));
        expect(undocumentedHeaders(req.op.responses[String(res.status)]!, doc.components.responses, res.headers), where).toEqual([]);
        if (res.status === 204 || res.status === 304) {
          expect(text, where).toBe("");
        } else if (res.ok) {
          expect(json?.success, where).toBe(true);
          expect(json, where).toHaveProperty("data");
        } else {
          expect(json?.success, where).toBe(false);
          expect(ERROR_CODES, where).toContain(json.error?.code);
          expect(typeof json.error?.message, where).toBe("string");
          expect(json.requestId, where).toBe(res.headers.get("X-Request-Id"));
          expect(text, where).not.toMatch(/SQLITE|D1_ERROR|at \w+ \(|\.ts:\d+/);
          // The failure body is the documented envelope exactly: typed details, nothing extra.
          const documented = req.op.responses[String(res.status)]!;
          const described = documented.$ref ? doc.components.responses[documented.$ref.split("/").pop()!]! : documented;
          expect(schemaErrors(described.content!["application/json"]!.schema, json, doc.components, true), where).toEqual([]);
          if (write) expect(await fingerprint(), where).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator must reach both sides: accepted requests and each kind of rejection.
    const seen = [...statuses.keys()];
    expect(seen).toEqual(expect.arrayContaining([200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 415, 422]));
  }, 600_000);
});
