// The budgets, checked against a results object (what run.mjs writes to bench/results.json),
// so a stored run can be judged the same way as a fresh one.

/** Largest deployed bundle, gzip. */
export const MAX_BUNDLE_GZIP_KIB = 150;

/**
 * @typedef {object} ScenarioResult
 * @property {string} id
 * @property {string} title
 * @property {string} [baseline]
 * @property {number | null} [ratio] rps / baseline rps
 * @property {number} errors
 * @property {{ minRatio?: number, maxRowsRead?: number }} [budget]
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
  for (const s of results.scenarios) {
    checks.push({ name: `${s.id}: errors`, actual: String(s.errors), limit: "0", pass: s.errors === 0 });
    if (s.budget?.minRatio !== undefined) {
      const ok = typeof s.ratio === "number" && s.ratio >= s.budget.minRatio;
      checks.push({
        name: `${s.id}: throughput vs ${s.baseline}`,
        actual: typeof s.ratio === "number" ? `${s.ratio.toFixed(2)}x` : "not measured",
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
  const gzip = results.bundle?.gzipKiB;
  checks.push({
    name: "bundle size, gzip",
    actual: typeof gzip === "number" ? `${gzip.toFixed(1)} KiB` : "not measured",
    limit: `<= ${MAX_BUNDLE_GZIP_KIB} KiB`,
    pass: typeof gzip === "number" && gzip <= MAX_BUNDLE_GZIP_KIB,
  });
  return checks;
}
