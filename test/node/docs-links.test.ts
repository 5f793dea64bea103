import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchors, relativeLinks, slug } from "./docs/markdown";

const ROOT = path.resolve(import.meta.dirname, "../..");
const README = path.join(ROOT, "README.md");
const DOCS = path.join(ROOT, "docs");
const pages = [README, ...readdirSync(DOCS).filter((f) => f.endsWith(".md")).map((f) => path.join(DOCS, f))];
const read = (file: string) => readFileSync(file, "utf8");

/** Every relative link of `file` whose file or heading anchor does not exist, as `target`. */
function brokenLinks(file: string): string[] {
  return relativeLinks(read(file)).filter((target) => {
    const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
    const resolved = pathPart ? path.resolve(path.dirname(file), decodeURIComponent(pathPart)) : file;
    if (!existsSync(resolved)) return true;
    if (anchor === undefined || !resolved.endsWith(".md") || statSync(resolved).isDirectory()) return false;
    return !headingAnchors(read(resolved)).has(decodeURIComponent(anchor));
  });
}

describe("README and docs/", () => {
  it("slugs headings as GitHub does", () => {
    expect(slug("Remote smoke test (`npm run smoke:remote`)")).toBe("remote-smoke-test-npm-run-smokeremote");
    expect(slug("Read-your-writes across replicas (`x-d1-bookmark`)")).toBe("read-your-writes-across-replicas-x-d1-bookmark");
    expect(slug("Latency at the edge: `npm run bench -- --rtt <local|near|far>`")).toBe("latency-at-the-edge-npm-run-bench------rtt-localnearfar");
    expect(slug("Links [out](x.md) and <b>tags</b> are text")).toBe("links-out-and-tags-are-text");
    expect([...headingAnchors("# A\n```sh\n# not a heading\n```\n## A\n## A")]).toEqual(["a", "a-1", "a-2"]);
    expect(relativeLinks("[x](a.md#b) `[y](c.md)` [z](https://e.x/) <https://e.x/> ![i](img.png \"t\")")).toEqual(["a.md#b", "img.png"]);
  });

  it.each(pages.map((file) => [path.relative(ROOT, file), file]))("%s links only to files and headings that exist", (_, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it("README links every docs/ page", () => {
    const linked = new Set(relativeLinks(read(README)).map((target) => path.resolve(ROOT, target.split("#")[0]!)));
    expect(pages.slice(1).filter((page) => !linked.has(page)).map((page) => path.relative(ROOT, page))).toEqual([]);
  });

  it("README stays a front page: under 8 KB", () => {
    expect(statSync(README).size).toBeLessThan(8 * 1024);
  });
});
