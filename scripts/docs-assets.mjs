// Copies the Swagger UI bundle behind /docs into the static-assets directory (wrangler.toml
// [assets]), so the reference page needs no CDN. Run before dev, build, test and deploy.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Files of swagger-ui-dist the page loads (see @hono/swagger-ui's asset URLs). */
const FILES = ["swagger-ui-bundle.js", "swagger-ui.css"];

/** Copies the assets; returns the directory they landed in. */
export function copyDocsAssets() {
  const source = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const target = path.join(root, "public", "docs", "assets", "swagger-ui-dist");
  mkdirSync(target, { recursive: true });
  for (const file of FILES) {
    const [from, to] = [path.join(source, file), path.join(target, file)];
    // Rewriting an unchanged file would make a dev server already running on this tree reload.
    if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
    copyFileSync(from, to);
  }
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyDocsAssets();
