// Each scenario is measured in several rounds that interleave with the others, so a slow spell on a
// shared machine lands on a scenario and its baseline alike; this merges one scenario's rounds and
// compares a scenario with its baseline round by round.

const medianOfSorted = (sorted) => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * @typedef {object} RoundResult one load run (scripts/bench/load.mjs output plus workerd CPU)
 * @property {number} requests
 * @property {number} warmupRequests
 * @property {number} durationS
 * @property {number} p50Ms
 * @property {number} p99Ms
 * @property {Record<string, number>} statusCounts
 * @property {number} connectionErrors
 * @property {number} timeouts
 * @property {number | null} cpuMs workerd CPU time used during the run, warm-up included
 */

/**
 * Totals over the rounds: req/s from all responses over all measured time, p50 as the median of
 * the rounds' p50, p99 as the worst round's, CPU per response over every response served.
 * @param {RoundResult[]} rounds
 * @example combineRounds([a, b]).rps
 */
export function combineRounds(rounds) {
  if (rounds.length === 0) throw new Error("no rounds to combine");
  const sum = (f) => rounds.reduce((n, r) => n + f(r), 0);
  const p50s = rounds.map((r) => r.p50Ms).sort((a, b) => a - b);
  const statusCounts = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n;
  const requests = sum((r) => r.requests);
  const durationS = sum((r) => r.durationS);
  const cpuKnown = rounds.every((r) => typeof r.cpuMs === "number");
  return {
    requests,
    durationS,
    rps: requests / durationS,
    roundsRps: rounds.map((r) => r.requests / r.durationS),
    p50Ms: medianOfSorted(p50s),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    statusCounts,
    connectionErrors: sum((r) => r.connectionErrors),
    timeouts: sum((r) => r.timeouts),
    cpuMsPerRequest: cpuKnown ? sum((r) => r.cpuMs) / sum((r) => r.requests + r.warmupRequests) : null,
  };
}

/**
 * A scenario's throughput over its baseline's, paired by round: the median of the per-round ratios.
 * Each round measures the two close together (alternately in either order), so a slow spell on a
 * shared machine moves both sides of one ratio, and one disturbed round barely moves the median.
 * Null when the rounds cannot be paired.
 * @param {number[] | undefined} rps the scenario's req/s, one per round
 * @param {number[] | undefined} baselineRps the baseline's, from the same rounds
 * @returns {{ ratio: number, rounds: number[] } | null}
 * @example pairedRatio([900, 1000], [1000, 1250]).ratio // 0.85
 */
export function pairedRatio(rps, baselineRps) {
  if (!rps?.length || rps.length !== baselineRps?.length || baselineRps.some((b) => !(b > 0))) return null;
  const rounds = rps.map((r, i) => r / baselineRps[i]);
  return { ratio: medianOfSorted([...rounds].sort((a, b) => a - b)), rounds };
}
