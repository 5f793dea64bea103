import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every dependency earns its place: the code imports it, or docs/dependencies.md says why it is
// there. A package that stops being used then shows up here instead of staying installed unseen.
const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });

const SOURCE = /\.(ts|mts|mjs|js)$/;
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : SOURCE.test(e.name) ? [path.join(dir, e.name)] : [],
  );

/** The package a module specifier names ("@scope/name/sub" → "@scope/name", "name/sub" → "name"). */
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Packages a source text imports, requires or resolves (static and dynamic forms). */
function importedPackages(text: string): Set<string> {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\.resolve\s*\(\s*)["']([^"'.][^"']*)["']/g)].map((m) => m[1]);
  return new Set(specifiers.filter((s) => !s.startsWith("node:")).map(packageOf));
}

/** Packages docs/dependencies.md explains: the backticked name opening each list item. */
function documentedPackages(markdown: string): string[] {
  return [...markdown.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
}

const codeFiles = [
  ...["src", "test", "scripts"].flatMap((dir) => sourceFiles(path.join(root, dir))),
  ...readdirSync(root).filter((f) => SOURCE.test(f)).map((f) => path.join(root, f)),
];
const imported = new Set(codeFiles.flatMap((f) => [...importedPackages(readFileSync(f, "utf8"))]));
const documented = documentedPackages(readFileSync(path.join(root, "docs/dependencies.md"), "utf8"));

describe("package.json dependencies", () => {
  it("reads the forms the code uses to load a package", () => {
    const text = [
      'import { Hono } from "hono";',
      'import type { Env } from "hono/types";',
      'import "@scope/side-effect";',
      'const { Redis } = await import("@upstash/redis/cloudflare");',
      'const x = require("cjs-only");',
      'createRequire(import.meta.url).resolve("swagger-ui-dist/package.json");',
      'import path from "node:path";',
      'import { local } from "./local";',
    ].join("\n");
    expect([...importedPackages(text)].sort()).toEqual(["@scope/side-effect", "@upstash/redis", "cjs-only", "hono", "swagger-ui-dist"]);
    expect(documentedPackages("- `node` — pins Node\n- `a/b` — x\ntext `not-this`\n")).toEqual(["node", "a/b"]);
  });

  it("are each imported by src/, test/, scripts/ or a root config, or explained in docs/dependencies.md", () => {
    const unexplained = declared.filter((name) => !imported.has(name) && !documented.includes(name));
    expect(unexplained).toEqual([]);
  });

  it("are all that docs/dependencies.md lists, each once", () => {
    expect(documented.filter((name) => !declared.includes(name))).toEqual([]);
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  });
});
