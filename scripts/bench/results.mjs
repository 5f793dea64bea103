// The results object bench/results*.json holds, and where a run writes it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkBudgets } from "./budgets.mjs";
import { ROOT } from "./build.mjs";
import { BENCH_SIZES } from "./dataset.mjs";
import { installedVersion, machine } from "./machine.mjs";
import { writeResultsMarkdown } from "./report.mjs";
import { pairedRatio } from "./rounds.mjs";
import { LIST_LIMIT } from "./scenarios.mjs";

/**
 * Every scenario's figures with its budget checks, as bench/results.json stores them.
 * @param {{ settings: object, rtt: object | null, bundle: object, servers: object[], measured: { scenario: object, load: object, errors: number }[], meters: Record<string, object>, traces: Record<string, object> }} run
 */
export function benchResults({ settings, rtt, bundle, servers, measured, meters, traces }) {
  const loadById = Object.fromEntries(measured.map((m) => [m.scenario.id, m.load]));
  // Paired round by round where both sides ran in rounds (null if those cannot be paired); overall
  // req/s only where a side is a one-off measurement.
  const compare = (load, otherId) => {
    const other = loadById[otherId];
    if (!other?.rps) return { ratio: null };
    if (!load.roundsRps || !other.roundsRps) return { ratio: load.rps / other.rps };
    const paired = pairedRatio(load.roundsRps, other.roundsRps);
    return paired ? { ratio: paired.ratio, rounds: paired.rounds } : { ratio: null };
  };
  // Not under a latency profile: there the CPU is idle time spread over few requests.
  const cpuOver = (load, otherId) => {
    if (rtt) return null;
    const other = loadById[otherId]?.cpuMsPerRequest;
    return typeof load.cpuMsPerRequest === "number" && typeof other === "number" ? load.cpuMsPerRequest - other : null;
  };
  const results = {
    generatedAt: new Date().toISOString(),
    machine: machine(),
    settings: { ...settings, loadGenerator: `autocannon ${installedVersion("autocannon")}`, dataset: BENCH_SIZES, listLimit: LIST_LIMIT, ...(rtt ? { rtt } : {}) },
    bundle,
    servers,
    scenarios: measured.map(({ scenario: s, load, errors }) => {
      const vsBaseline = s.baseline ? compare(load, s.baseline) : { ratio: null };
      const vsReference = s.reference ? compare(load, s.reference) : null;
      const cpuOverBaselineMs = s.baseline ? cpuOver(load, s.baseline) : null;
      return {
        id: s.id,
        title: s.title,
        server: s.server,
        ...(s.baseline ? { baseline: s.baseline } : {}),
        expect: s.expect,
        rps: load.rps,
        roundsRps: load.roundsRps,
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        cpuMsPerRequest: load.cpuMsPerRequest,
        requests: load.requests,
        statusCounts: load.statusCounts,
        errors,
        ratio: vsBaseline.ratio,
        ...(vsBaseline.rounds ? { ratioRounds: vsBaseline.rounds } : {}),
        // What the API adds to its floor's work per request, in workerd CPU: the figure a ratio hides.
        ...(cpuOverBaselineMs === null ? {} : { cpuOverBaselineMs }),
        // As information: the ratio to a reference worker that is not the budget's floor.
        ...(vsReference ? { reference: s.reference, referenceRatio: vsReference.ratio } : {}),
        ...(s.budget ? { budget: s.budget } : {}),
        ...(rtt && s.far ? { far: s.far } : {}),
        d1: meters[s.id] ?? load.d1 ?? null,
        ...(traces[s.id] ? { rtt: traces[s.id] } : {}),
      };
    }),
  };
  results.budgets = checkBudgets(results);
  return results;
}

/**
 * Writes the results (bench/results.json, or bench/results-rtt-<profile>.json under a distant
 * profile) and regenerates bench/results.md from every results file present.
 * @returns {string} the results file written, relative to the repository
 */
export function writeResults(results, rtt) {
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  const file = rtt && rtt.profile !== "local" ? `bench/results-rtt-${rtt.profile}.json` : "bench/results.json";
  writeFileSync(path.join(ROOT, file), `${JSON.stringify(results, null, 2)}\n`);
  writeResultsMarkdown(path.join(ROOT, "bench"));
  return file;
}
