// The budgets, checked against a results object (what run.mjs writes to bench/results.json),
// so a stored run can be judged the same way as a fresh one.
import { fileURLToPath } from "node:url";
import { bundleBudgetGzipKiB } from "../bundle-size.mjs";

/** Largest deployed bundle, gzip: the budget `npm test` holds (package.json config.bundleBudgetGzipKiB). */
export const MAX_BUNDLE_GZIP_KIB = bundleBudgetGzipKiB(fileURLToPath(new URL("../../package.json", import.meta.url)));

/**
 * @typedef {object} ScenarioResult
 * @property {string} id
 * @property {string} title
 * @property {string} [baseline]
 * @property {number | null} [ratio] rps / baseline rps: the median of the per-round ratios when both ran in rounds
 * @property {number[]} [ratioRounds] the per-round ratios
 * @property {number} errors
 * @property {{ minRatio?: number, maxRowsRead?: number }} [budget]
 * @property {{ maxSequential: number, p50OverKvMs?: number }} [far] budgets under the "far" latency profile
 * @property {{ sequential: number | null }} [rtt] the traced critical path
 * @property {{ statements: number, rowsRead: number, rowsWritten: number } | null} [d1] the most any one metered request cost
 *
 * @typedef {{ name: string, actual: string, limit: string, pass: boolean }} BudgetCheck
 */

/**
 * Every budget, passed or not: zero errors per scenario, throughput ratios, rows read per list
 * page, bundle size. A budget whose figure is missing fails (nothing passes by not being measured).
 *
 * @param {{ scenarios: ScenarioResult[], bundle: { gzipKiB: number } }} results
 * @returns {BudgetCheck[]}
 * @example const failed = checkBudgets(results).filter((b) => !b.pass);
 */
export function checkBudgets(results) {
  const checks = [];
  const rtt = results.settings?.rtt;
  for (const s of results.scenarios) {
    checks.push({ name: `${s.id}: errors`, actual: String(s.errors), limit: "0", pass: s.errors === 0 });
    // Under a latency profile the run measures waiting: round trips and latency, not throughput.
    if (rtt) {
      if (rtt.profile === "far" && s.far) checks.push(...farChecks(s, rtt));
      continue;
    }
    if (s.budget?.minRatio !== undefined) {
      const ok = typeof s.ratio === "number" && s.ratio >= s.budget.minRatio;
      checks.push({
        name: `${s.id}: throughput vs ${s.baseline}`,
        actual: typeof s.ratio === "number" ? `${s.ratio.toFixed(2)}x${roundsSpread(s.ratioRounds)}` : "not measured",
        limit: `>= ${s.budget.minRatio}x`,
        pass: ok,
      });
    }
    if (s.budget?.maxRowsRead !== undefined) {
      const rows = s.d1?.rowsRead;
      checks.push({
        name: `${s.id}: D1 rows read per request`,
        actual: typeof rows === "number" ? String(rows) : "not measured",
        limit: `<= ${s.budget.maxRowsRead}`,
        pass: typeof rows === "number" && rows <= s.budget.maxRowsRead,
      });
    }
  }
  if (rtt?.profile === "far" && !results.scenarios.some((s) => s.far)) {
    checks.push({ name: "far: scenarios with budgets", actual: "none measured", limit: ">= 1", pass: false });
  }
  const gzip = results.bundle?.gzipKiB;
  checks.push({
    name: "bundle size, gzip",
    actual: typeof gzip === "number" ? `${gzip.toFixed(1)} KiB` : "not measured",
    limit: `<= ${MAX_BUNDLE_GZIP_KIB} KiB`,
    pass: typeof gzip === "number" && gzip <= MAX_BUNDLE_GZIP_KIB,
  });
  return checks;
}

/** The lowest and highest per-round ratio, when the ratio is their median: how far apart the rounds were. */
function roundsSpread(rounds) {
  if (!Array.isArray(rounds) || rounds.length < 2) return "";
  return ` (rounds ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)})`;
}

/** A scenario's budgets under the far profile: sequential round trips, and p50 over the KV round trip. */
function farChecks(s, rtt) {
  const checks = [];
  const seq = s.rtt?.sequential;
  checks.push({
    name: `${s.id}: sequential round trips (far)`,
    actual: typeof seq === "number" ? String(seq) : "not measured",
    limit: `<= ${s.far.maxSequential}`,
    pass: typeof seq === "number" && seq <= s.far.maxSequential,
  });
  if (s.far.p50OverKvMs !== undefined) {
    const limit = rtt.kv + s.far.p50OverKvMs;
    checks.push({
      name: `${s.id}: p50 latency (far)`,
      actual: typeof s.p50Ms === "number" ? `${s.p50Ms} ms` : "not measured",
      limit: `<= ${limit} ms (KV round trip + ${s.far.p50OverKvMs})`,
      pass: typeof s.p50Ms === "number" && s.p50Ms <= limit,
    });
  }
  return checks;
}
