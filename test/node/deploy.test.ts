import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VECTOR_DIMENSIONS, VECTOR_METADATA_INDEXES, VECTOR_METRIC } from "../../scripts/deploy/plan.mjs";
import { INDEX_DLQ_NAME, INDEX_QUEUE_NAME } from "../../src/indexing/index-job";
import { WorkersAiEmbedder } from "../../src/search/workers-ai-embedder";

// `npm run deploy` (scripts/deploy/main.mjs) run for real against a stand-in `wrangler` first on
// PATH (test/node/deploy/wrangler-standin.mjs: an "account" in a JSON file, every call recorded)
// and a local HTTP server standing in for the deployed API's URL.
const root = path.resolve(import.meta.dirname, "../..");
const JWT_SECRET = "a-deploy-test-secret-of-more-than-32-bytes";
const MIGRATIONS = readdirSync(path.join(root, "migrations")).filter((f) => f.endsWith(".sql")).sort();

let dir: string;
let server: Server;
let baseUrl: string;
const served: { method: string; path: string; auth?: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "deploy-test-"));
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(bin, "wrangler"), `#!/bin/sh\nexec "${process.execPath}" "${path.join(import.meta.dirname, "deploy/wrangler-standin.mjs")}" "$@"\n`);
  chmodSync(path.join(bin, "wrangler"), 0o755);
  server = createServer((req, res) => {
    served.push({ method: req.method!, path: req.url!, auth: req.headers.authorization });
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/health") return json(200, { success: true, data: { status: "ok", checks: { d1: "ok" } } });
    if (req.url === "/api/markets?limit=1") return json(200, { success: true, data: [], meta: { nextCursor: null } });
    if (req.method === "POST" && req.url === "/api/admin/reindex") return json(202, { success: true, data: { count: 42 } });
    json(404, { success: false });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const emptyAccount = () => ({
  loggedIn: true,
  accountId: "0123456789abcdef0123456789abcdef",
  accounts: [{ id: "0123456789abcdef0123456789abcdef", name: "Markets" }],
  worker: { exists: false, secrets: [] as string[], versions: [] as string[] },
  requiredSecrets: ["JWT_SECRET", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"],
  secretValues: {} as Record<string, string>,
  d1: [] as string[],
  kv: false,
  queues: [] as string[],
  vectorize: {} as Record<string, { dimensions: number; metric: string; metadata: unknown[] }>,
  migrations: { applied: [] as string[], failOn: undefined as string | undefined },
  deployUrl: "",
});
type Account = ReturnType<typeof emptyAccount>;

const SECRETS = { JWT_SECRET, UPSTASH_REDIS_REST_URL: "https://eu1-example.upstash.io", UPSTASH_REDIS_REST_TOKEN: "token-123" };

/** Runs `npm run deploy`'s script with the stand-in first on PATH; answers its output, calls and account. */
async function deploy(account: Account, env: Record<string, string> = {}) {
  const statePath = path.join(dir, "state.json");
  const logPath = path.join(dir, "calls.jsonl");
  writeFileSync(statePath, JSON.stringify({ ...account, deployUrl: baseUrl }));
  writeFileSync(logPath, "");
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CLOUDFLARE_|JWT_SECRET|UPSTASH_|DEPLOY_)/.test(k)),
  );
  const child = spawn(process.execPath, [path.join(root, "scripts/deploy/main.mjs")], {
    env: { ...clean, ...env, PATH: `${path.join(dir, "bin")}:${process.env.PATH}`, STANDIN_STATE: statePath, STANDIN_LOG: logPath, DEPLOY_SMOKE_TIMEOUT_MS: "2000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const code = await new Promise<number>((r) => child.on("close", (c) => r(c ?? 1)));
  const calls = readFileSync(logPath, "utf8").trim().split("\n").filter(Boolean).map((l) => (JSON.parse(l) as string[]).join(" "));
  return { code, output, calls, account: JSON.parse(readFileSync(statePath, "utf8")) as Account };
}

beforeEach(() => {
  served.length = 0;
});

// Each run spawns node and a few dozen stand-in processes: seconds on a busy machine.
describe("npm run deploy", { timeout: 60_000 }, () => {
  it("creates everything on an empty account, migrates before deploying, smoke-tests and backfills", async () => {
    const run = await deploy(emptyAccount(), SECRETS);
    expect(run.output).not.toContain("Deploy stopped");
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([
      "whoami --json",
      "secret list --env production --format json",
      "d1 create markets",
      `queues create ${INDEX_QUEUE_NAME}`,
      `queues create ${INDEX_DLQ_NAME}`,
      "vectorize create markets --dimensions 768 --metric cosine",
      "vectorize get markets --json",
      "vectorize list-metadata-index markets --json",
      "vectorize create-metadata-index markets --property-name status --type string",
      "d1 migrations apply DB --remote --env production",
      expect.stringMatching(/^deploy --env production --secrets-file \S+secrets\.json$/),
    ]);
    const secretsFile = run.calls.at(-1)!.split(" ").at(-1)!;
    expect(() => readFileSync(secretsFile)).toThrow(); // removed after the upload
    expect(run.account.secretValues).toEqual(SECRETS);
    expect(run.account.migrations.applied).toEqual(MIGRATIONS);
    expect(run.account.kv).toBe(true); // left to wrangler's provisioning on deploy
    expect(run.account.vectorize.markets).toEqual({ dimensions: 768, metric: "cosine", metadata: [{ propertyName: "status", indexType: "string" }] });

    expect(served.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /health", "GET /api/markets?limit=1", "POST /api/admin/reindex"]);
    const token = served[2]!.auth!.replace(/^Bearer /, "");
    const { payload } = await jwtVerify(token, new TextEncoder().encode(JWT_SECRET), { issuer: "markets-api", audience: "markets-api" });
    expect(payload.role).toBe("admin");
    expect(run.output).toContain("42 markets queued for indexing");
    expect(run.output).toMatch(/Done: 5 resource\(s\) created, migrations applied, 3 secret\(s\) uploaded/);
  });

  it("changes nothing on a second run and says so (no backfill, no secrets without env)", async () => {
    const first = await deploy(emptyAccount(), SECRETS);
    expect(first.code).toBe(0);
    served.length = 0;
    const again = await deploy(first.account);
    expect(again.code).toBe(0);
    expect(again.calls).not.toContain("vectorize create-metadata-index markets --property-name status --type string");
    expect(again.calls.at(-1)).toBe("deploy --env production");
    expect(again.output).toMatch(/exists  queue index-jobs/);
    expect(again.output).toContain("Done: no resource created, migrations none pending, 0 secret(s) uploaded");
    expect(served.map((r) => r.path)).toEqual(["/health", "/api/markets?limit=1"]);
    expect(again.account.queues).toEqual(first.account.queues);
    expect(again.account.d1).toEqual(["markets"]);
  });

  it("stops before anything remote with one message listing every problem", async () => {
    const run = await deploy({ ...emptyAccount(), loggedIn: false }, {
      JWT_SECRET: "too-short",
      UPSTASH_REDIS_REST_URL: "http://upstash.internal",
    });
    expect(run.code).toBe(1);
    expect(run.calls).toEqual(["whoami --json"]);
    expect(run.output).toContain("Deploy stopped before changing anything");
    expect(run.output).toContain("not logged in to Cloudflare");
    expect(run.output).toContain("JWT_SECRET is 9 bytes; it must be at least 32");
    expect(run.output).toContain("UPSTASH_REDIS_REST_URL must be an https:// URL");
    expect(run.output).toContain("secret UPSTASH_REDIS_REST_TOKEN could not be listed (not logged in)");
  });

  it("names the secrets an existing Worker lacks, and several accounts without CLOUDFLARE_ACCOUNT_ID", async () => {
    const account = { ...emptyAccount(), accounts: [{ id: "a", name: "A" }, { id: "b", name: "B" }] };
    account.worker = { exists: true, secrets: ["JWT_SECRET"], versions: [] };
    const run = await deploy(account);
    expect(run.code).toBe(1);
    expect(run.calls).toEqual(["whoami --json", "secret list --env production --format json"]);
    expect(run.output).toContain("reach 2 accounts: set CLOUDFLARE_ACCOUNT_ID");
    expect(run.output).toContain("secret UPSTASH_REDIS_REST_URL is not set on the Worker");
    expect(run.output).not.toContain("secret JWT_SECRET");
  });

  it("stops before `wrangler deploy` when a migration fails", async () => {
    const account = emptyAccount();
    account.migrations.failOn = MIGRATIONS.at(-1);
    const run = await deploy(account, SECRETS);
    expect(run.code).toBe(1);
    expect(run.calls.at(-1)).toBe("d1 migrations apply DB --remote --env production");
    expect(run.calls.some((c) => c.startsWith("deploy"))).toBe(false);
    expect(run.output).toContain("D1 migration failed; nothing was deployed");
    expect(run.output).toContain("SQLITE_ERROR");
    expect(served).toEqual([]);
  });

  it("refuses an existing Vectorize index made for another model", async () => {
    const account = emptyAccount();
    account.vectorize.markets = { dimensions: 384, metric: "cosine", metadata: [] };
    const run = await deploy(account, SECRETS);
    expect(run.code).toBe(1);
    expect(run.output).toContain("has 384 dimensions and metric cosine; the embedder needs 768/cosine");
    expect(run.calls.some((c) => c.startsWith("d1 migrations") || c.startsWith("deploy"))).toBe(false);
  });

  it("provisions the index the worker's search modules need", () => {
    expect(new WorkersAiEmbedder({ run: async () => ({}) } as never).dimensions).toBe(VECTOR_DIMENSIONS);
    expect(VECTOR_METRIC).toBe("cosine");
    expect(VECTOR_METADATA_INDEXES).toEqual([{ propertyName: "status", type: "string" }]);
  });
});
