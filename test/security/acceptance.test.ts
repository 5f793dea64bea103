import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { actor, createMarket } from "../helpers/fixtures";
import { type DocumentedResponse as Response, type Schema, schemaErrors, undocumentedHeaders, validArb } from "./openapi-arbitraries";

// The other side of the fuzz: requests the document says are valid, built only from its own
// schemas and examples, must be accepted, and every answer must be one the document describes
// (status, headers, body schema). Seeded, so a failure replays exactly.
const RUNS = 3_000;
const SEED = 20261129;

/** Refusals of the request itself: never the answer to a documented-valid request. */
const REFUSALS = new Set([400, 401, 403, 405, 413, 415, 422, 429]);

type Parameter = { name: string; in: "path" | "query" | "header"; schema: Schema; required?: boolean; example?: unknown };
type Operation = {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter>; responses: Record<string, Response> };
};

let doc: Doc;
let admin: string;
let user: string;
const ids: string[] = [];
const etags = new Map<string, string>();
let bookmark: string | undefined;
let keys = 0;

beforeAll(async () => {
  doc = (await call("GET", "/openapi.json")).json as unknown as Doc;
  admin = (await actor("admin")).token;
  user = (await actor("user")).token;
  for (let i = 0; i < 20; i++) ids.push((await createMarket(admin)).id);
});

const parameter = (p: Parameter | { $ref: string }): Parameter =>
  "$ref" in p ? doc.components.parameters[p.$ref.split("/").pop()!]! : p;
const response = (r: Response): Response => (r.$ref ? doc.components.responses[r.$ref.split("/").pop()!]! : r);
const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 60 });

interface Draw {
  path: string;
  method: string;
  op: Operation;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  hasBody: boolean;
  auth: "none" | "user" | "admin";
  pick: number;
  conditional: boolean;
  withBookmark: boolean;
  emptyJson: boolean;
}

function drawArb(): fc.Arbitrary<Draw> {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return fc.constantFrom(...ops).chain(({ path, method, op }) => {
    const params = (op.parameters ?? []).map(parameter);
    // Cursors and bookmarks are opaque values the server hands out: they come from earlier answers.
    const generated = (where: string) =>
      params.filter((p) => p.in === where && !["cursor", "x-d1-bookmark", "If-None-Match", "Idempotency-Key"].includes(p.name));
    const record = (list: Parameter[], arb: (p: Parameter) => fc.Arbitrary<unknown>) =>
      fc.record(Object.fromEntries(list.map((p) => [p.name, arb(p)])), { requiredKeys: list.filter((p) => p.required).map((p) => p.name) });
    const valueArb = (p: Parameter) => (p.example === undefined ? validArb(p.schema, doc.components) : fc.oneof(fc.constant(p.example), validArb(p.schema, doc.components)));
    const bodySchema = op.requestBody?.content["application/json"]?.schema;
    const optionalAuth = op.security?.some((s) => Object.keys(s).length === 0) ?? true;
    return fc.record({
      path: fc.constant(path),
      method: fc.constant(method),
      op: fc.constant(op),
      query: record(generated("query"), valueArb),
      headers: record(generated("header"), () => printable),
      body: bodySchema ? validArb(bodySchema, doc.components) : fc.constant(undefined),
      hasBody: op.requestBody?.required ? fc.constant(true) : fc.boolean(),
      auth: !op.security ? fc.constant("none" as const) : optionalAuth ? fc.constantFrom("none" as const, "user" as const, "admin" as const) : fc.constant("admin" as const),
      pick: fc.nat(),
      conditional: fc.boolean(),
      withBookmark: fc.boolean(),
      emptyJson: fc.boolean(),
    });
  });
}

/** Sends one request and checks its answer against the operation's documented responses. */
async function exchange(d: Draw, query: Record<string, unknown>) {
  const id = d.path.includes("{id}") ? (d.pick % 10 === 0 ? "2f0c3b1e-8d7a-4c55-9b1e-3f1a2b4c5d6e" : ids[d.pick % ids.length]!) : undefined;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const url = d.path.replace("{id}", id ?? "") + (search.size ? `?${search}` : "");
  const headers: Record<string, string> = { ...(d.headers as Record<string, string>) };
  if (d.op.parameters?.map(parameter).some((p) => p.name === "Idempotency-Key")) headers["Idempotency-Key"] = `acceptance-${keys++}`;
  if (d.conditional && etags.has(url)) headers["If-None-Match"] = etags.get(url)!;
  if (d.withBookmark && bookmark) headers["X-D1-Bookmark"] = bookmark;
  // If-Match as clients send it: the ETag of their last read of this market (it may have gone stale).
  const versioned = d.op.parameters?.map(parameter).some((p) => p.name === "If-Match") ?? false;
  if (versioned) {
    delete headers["If-Match"];
    if (etags.has(url) && d.pick % 2 === 0) headers["If-Match"] = etags.get(url)!;
  }
  const token = d.auth === "admin" ? admin : d.auth === "user" ? user : undefined;
  const body = d.hasBody && d.body !== undefined ? d.body : undefined;
  // An optional body left out, as clients do it: no body at all, or a JSON content type and nothing.
  const absent = body === undefined && d.op.requestBody && d.emptyJson;
  if (absent) headers["Content-Type"] = "application/json";
  const payload = body === undefined ? (absent ? { rawBody: "" } : {}) : { body };
  const { res, json, text } = await call(d.method, url, { headers, ...(token ? { token } : {}), ...payload });
  const where = `${d.method} ${url} ${JSON.stringify(body) ?? ""} (${d.auth}) -> ${res.status} ${text.slice(0, 300)}`;

  expect(res.status, where).toBeLessThan(500);
  expect(REFUSALS.has(res.status), `refused a documented-valid request: ${where}`).toBe(false);
  if (res.status === 412) {
    // Only when the market no longer has the ETag the request carried.
    expect(headers["If-Match"], where).toBeDefined();
    expect((await call("GET", url)).res.headers.get("ETag"), where).not.toBe(headers["If-Match"]);
  }
  const documented = d.op.responses[String(res.status)];
  expect(documented, `undocumented status: ${where}`).toBeDefined();
  const described = response(documented!);
  expect(undocumentedHeaders(documented!, doc.components.responses, res.headers), where).toEqual([]);
  if (res.status === 204 || res.status === 304) expect(text, where).toBe("");
  else {
    expect(res.headers.get("Content-Type"), where).toMatch(/^application\/json/);
    expect(schemaErrors(described.content!["application/json"]!.schema, json, doc.components, true), where).toEqual([]);
  }

  // State explains the rest: a market that is gone (404) or whose state refuses the change (409).
  if (res.status === 404 || res.status === 409) {
    const row =
      id &&
      (await env.DB.prepare("SELECT status, EXISTS (SELECT 1 FROM positions WHERE market_id = ?1) AS kept FROM markets WHERE id = ?1")
        .bind(id)
        .first<{ status: string; kept: number }>());
    if (res.status === 404) expect(row, where).toBeNull();
    // A position needs an active market; a change, a market not yet resolved; a delete, one without positions.
    else if (d.method === "DELETE") expect(row && row.kept === 1, where).toBe(true);
    else expect(row && (d.path.endsWith("/positions") ? row.status !== "active" : row.status === "resolved"), where).toBe(true);
  }
  if (res.status === 200 && res.headers.has("ETag")) etags.set(url, res.headers.get("ETag")!);
  bookmark = res.headers.get("X-D1-Bookmark") ?? bookmark;
  if (res.status === 201 && d.op.operationId === "createMarket") ids.push(json.data.id);
  if (res.status === 204 && id) ids.splice(ids.indexOf(id), 1);
  return { status: res.status, json };
}

describe(`documented-valid requests for every operation (${RUNS} seeded)`, () => {
  it("are accepted, and answered only with documented statuses, headers and bodies", async () => {
    const seen = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(drawArb(), async (d) => {
        if (ids.length < 5) ids.push((await createMarket(admin)).id);
        const query = { ...d.query };
        const first = await exchange(d, query);
        const statuses = seen.get(d.op.operationId) ?? seen.set(d.op.operationId, new Set()).get(d.op.operationId)!;
        statuses.add(first.status);
        // The next page, by the cursor this page handed out (offset and cursor exclude each other).
        const cursor = first.status === 200 ? first.json?.meta?.nextCursor : undefined;
        if (cursor) {
          delete query.offset;
          statuses.add((await exchange({ ...d, conditional: false }, { ...query, cursor })).status);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Every operation was accepted at least once, and conditional reads reached 304.
    for (const { op } of Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => ({ op })))) {
      expect([...(seen.get(op.operationId) ?? [])].some((s) => s >= 200 && s < 300), op.operationId).toBe(true);
    }
    expect([...seen.values()].some((s) => s.has(304))).toBe(true);
  }, 600_000);
});
