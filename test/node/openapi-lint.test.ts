import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { openApiDocument } from "../../src/http/openapi-document";

// Two public linters, run as a consumer would, on the document /openapi.json serves (the same
// function builds it). Both run offline: configuration is local and nothing phones home.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
/** A CLI's entry script, run on the Node that runs the tests (the project's own Node 24 under npm). */
const cli = (entry: string) => [process.execPath, path.join(root, "node_modules", entry)] as const;
const OFFLINE_ENV = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" };

/** Findings the document accepts on purpose: the project has chosen no licence or contact. */
const ACCEPTED = new Set(["info-license", "info-contact"]);

// As the production deployment serves it: its own origin first, then the production template.
const doc = openApiDocument(createApp(), "https://markets-api.your-account.workers.dev");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "openapi-lint-"));
  await writeFile(path.join(dir, "openapi.json"), JSON.stringify(doc, null, 2));
  await writeFile(path.join(dir, "redocly.yaml"), "extends:\n  - recommended\ntelemetry: off\n");
  await writeFile(path.join(dir, ".spectral.yaml"), 'extends: ["spectral:oas"]\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a CLI that exits non-zero when it finds errors; its JSON report is on stdout either way. */
async function report([node, script]: readonly [string, string], args: string[]): Promise<string> {
  try {
    return (await run(node, [script, ...args], { cwd: dir, env: OFFLINE_ENV, maxBuffer: 16 << 20 })).stdout;
  } catch (err) {
    const out = (err as { stdout?: string }).stdout;
    if (!out) throw err;
    return out;
  }
}

describe("the served OpenAPI document, linted", () => {
  it("has no Redocly `recommended` finding beyond the absent licence", async () => {
    const out = await report(cli("@redocly/cli/bin/cli.js"), ["lint", "openapi.json", "--config", "redocly.yaml", "--format", "json"]);
    const problems = (JSON.parse(out) as { problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[] }).problems;
    const found = problems
      .filter((p) => !ACCEPTED.has(p.ruleId))
      .map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`);
    expect(found).toEqual([]);
  }, 120_000);

  it("has no Spectral `spectral:oas` finding beyond contact and licence", async () => {
    const out = await report(cli("@stoplight/spectral-cli/dist/index.js"), ["lint", "openapi.json", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet"]);
    const results = JSON.parse(out || "[]") as { code: string; severity: number; message: string; path: string[] }[];
    const found = results.filter((r) => !ACCEPTED.has(r.code)).map((r) => `${r.code} ${r.path.join(".")}: ${r.message}`);
    expect(found).toEqual([]);
  }, 120_000);
});
