// Each scenario is measured in several rounds that interleave with the others, so a slow spell on a
// shared machine lands on a scenario and its baseline alike; this merges one scenario's rounds.

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
  const mid = p50s.length >> 1;
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
    p50Ms: p50s.length % 2 ? p50s[mid] : (p50s[mid - 1] + p50s[mid]) / 2,
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    statusCounts,
    connectionErrors: sum((r) => r.connectionErrors),
    timeouts: sum((r) => r.timeouts),
    cpuMsPerRequest: cpuKnown ? sum((r) => r.cpuMs) / sum((r) => r.requests + r.warmupRequests) : null,
  };
}
