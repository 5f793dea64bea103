// Fails when the built worker (from `wrangler deploy --dry-run --outdir dist`) exceeds its budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const budgetKiB = Number(process.env.BUNDLE_BUDGET_GZIP_KIB ?? JSON.parse(readFileSync("package.json", "utf8")).config.bundleBudgetGzipKiB);
const code = readFileSync("dist/index.js");
const gzipKiB = gzipSync(code, { level: 9 }).length / 1024;
const line = `worker bundle: ${(code.length / 1024).toFixed(1)} KiB, ${gzipKiB.toFixed(1)} KiB gzip (budget ${budgetKiB} KiB gzip)`;
if (gzipKiB > budgetKiB) {
  console.error(`${line} — over budget`);
  process.exit(1);
}
console.log(line);
