// Size of the built worker as wrangler reports it ("Total Upload: … / gzip: …"): the bundle's raw
// bytes and its gzip at zlib's default level, which is what wrangler measures.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/**
 * @param {string} file the bundle written by `wrangler deploy --dry-run --outdir <dir>` (<dir>/index.js)
 * @returns {{ rawKiB: number, gzipKiB: number }}
 * @example bundleSize("dist/index.js") // { rawKiB: 488.2, gzipKiB: 138.4 }
 */
export function bundleSize(file) {
  const code = readFileSync(file);
  return { rawKiB: code.length / 1024, gzipKiB: gzipSync(code).length / 1024 };
}

/** The gzip budget from package.json (config.bundleBudgetGzipKiB), or BUNDLE_BUDGET_GZIP_KIB. */
export function bundleBudgetGzipKiB(packageJsonPath = "package.json") {
  return Number(process.env.BUNDLE_BUDGET_GZIP_KIB ?? JSON.parse(readFileSync(packageJsonPath, "utf8")).config.bundleBudgetGzipKiB);
}
