// `npm run smoke:remote`: runs the production search adapters (WorkersAiEmbedder,
// VectorizeVectorIndex) against the real Workers AI and Vectorize of an account, through the
// Cloudflare REST API. Neither has a local simulator, so the test suite checks the adapters' calls
// against recorded response shapes; this checks those shapes against the real services.
//
// Needs CLOUDFLARE_API_TOKEN (Workers AI: Read, Vectorize: Edit) and CLOUDFLARE_ACCOUNT_ID; the
// index is [env.production]'s in wrangler.toml (override with VECTORIZE_INDEX). Without
// credentials it says so and exits 0. It writes one vector with a `smoke-` id and deletes it again.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { unstable_readConfig } from "wrangler";

const token = process.env.CLOUDFLARE_API_TOKEN;
const account = process.env.CLOUDFLARE_ACCOUNT_ID;
if (!token || !account) {
  console.log("smoke:remote skipped: no credentials (set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID to run it)");
  process.exit(0);
}

const apiBase = process.env.CLOUDFLARE_API_BASE_URL ?? "https://api.cloudflare.com/client/v4";
const production = unstable_readConfig({ config: "wrangler.toml", env: "production" }, { hideWarnings: true });
const indexName = process.env.VECTORIZE_INDEX ?? production.vectorize[0]?.index_name;
if (!indexName) throw new Error("no Vectorize index in wrangler.toml [env.production]");

// The adapters are TypeScript modules of the worker: bundle them for Node, unchanged.
mkdirSync(".wrangler/tmp", { recursive: true });
const outfile = path.resolve(".wrangler/tmp/smoke-adapters.mjs");
await build({
  stdin: {
    contents: `export { WorkersAiEmbedder } from "./src/search/workers-ai-embedder.ts";
               export { VectorizeVectorIndex } from "./src/search/vectorize-vector-index.ts";`,
    resolveDir: process.cwd(),
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "neutral",
  outfile,
  logLevel: "warning",
});
const { WorkersAiEmbedder, VectorizeVectorIndex } = await import(pathToFileURL(outfile).href);

async function api(method, route, body, contentType = "application/json") {
  const res = await fetch(`${apiBase}/accounts/${account}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json.success === false) {
    const err = new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
    err.status = res.status;
    throw err;
  }
  return json.result;
}

// The REST API answers what the bindings answer, wrapped in { result }; these objects unwrap it.
const ai = { run: (model, inputs) => api("POST", `/ai/run/${model}`, inputs) };
const vectorize = {
  upsert: (vectors) =>
    api("POST", `/vectorize/v2/indexes/${indexName}/upsert`, vectors.map((v) => JSON.stringify(v)).join("\n"), "application/x-ndjson"),
  deleteByIds: (ids) => api("POST", `/vectorize/v2/indexes/${indexName}/delete_by_ids`, { ids }),
  query: (vector, options) => api("POST", `/vectorize/v2/indexes/${indexName}/query`, { vector, ...options }),
};

const check = (ok, what) => {
  if (!ok) throw new Error(`smoke:remote failed: ${what}`);
  console.log(`ok  ${what}`);
};
const cosine = (a, b) => {
  let dot = 0, na = 0, nb = 0;
  a.forEach((x, i) => ((dot += x * b[i]), (na += x * x), (nb += b[i] * b[i])));
  return dot / Math.sqrt(na * nb);
};
async function until(what, probe, timeoutMs = 90_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`smoke:remote failed: ${what} within ${timeoutMs / 1000} s (mutations are applied asynchronously; is the 'status' metadata index created?)`);
}

const embedder = new WorkersAiEmbedder(ai);
const index = new VectorizeVectorIndex(vectorize);

let started = Date.now();
const [rain, metro, query] = await embedder.embed([
  "Will it rain in Lisbon on the first of May?",
  "Will the new metro line open before December?",
  "showers in Lisbon in spring",
]);
check(rain.length === 768 && metro.length === 768, `Workers AI embeds 3 texts in one call as 768-dimensional vectors (${Date.now() - started} ms)`);
check(cosine(query, rain) > cosine(query, metro), "the model places a paraphrase nearer its market than an unrelated one");

const id = `smoke-${crypto.randomUUID()}`;
started = Date.now();
await index.upsert([{ id, values: rain, metadata: { status: "active", version: 1 } }]);
let matches = [];
const visibleMs = await until("the upserted vector to be queryable", async () => {
  matches = await index.query(rain, { topK: 5, status: "active" });
  return matches.some((m) => m.id === id);
});
check(true, `Vectorize upsert visible to a status-filtered query after ${visibleMs} ms`);
check(matches.every((m, i) => i === 0 || m.score <= matches[i - 1].score), "matches come back by descending score");
check(Math.abs(matches.find((m) => m.id === id).score - 1) < 1e-3, "a vector's cosine similarity to itself is 1");
const other = await index.query(rain, { topK: 5, status: "resolved" });
check(!other.some((m) => m.id === id), "the status filter excludes it under another status");

await index.deleteByIds([id]);
const goneMs = await until("the deleted vector to disappear", async () => !(await index.query(rain, { topK: 5 })).some((m) => m.id === id));
check(true, `Vectorize deleteByIds applied after ${goneMs} ms`);
console.log("smoke:remote passed");
