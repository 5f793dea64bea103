// Fails when the built worker (from `wrangler deploy --dry-run --outdir dist`) exceeds its budget.
import { bundleBudgetGzipKiB, bundleSize } from "./bundle-size.mjs";

const budgetKiB = bundleBudgetGzipKiB();
const { rawKiB, gzipKiB } = bundleSize("dist/index.js");
const line = `worker bundle: ${rawKiB.toFixed(1)} KiB, ${gzipKiB.toFixed(1)} KiB gzip (budget ${budgetKiB} KiB gzip)`;
if (gzipKiB > budgetKiB) {
  console.error(`${line} — over budget`);
  process.exit(1);
}
console.log(line);
