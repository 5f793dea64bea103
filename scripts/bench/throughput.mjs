// The load rounds: every scenario's throughput, latency and workerd CPU, measured under load.
import { fromEdge, prepare, runLoad, send, sleep } from "./client.mjs";
import { combineRounds } from "./rounds.mjs";

// A write leaves background work on its server (index jobs: the local queue gathers a batch for up
// to max_batch_timeout, 2 s, then embeds it), which would load the machine under whatever runs next,
// e.g. a create's own baseline in a reversed round. The next scenario waits this long.
const AFTER_WRITES_MS = 3_000;
const isWrite = (request) => request.method !== "GET" && request.method !== "HEAD";

/**
 * Runs every round and combines each scenario's rounds. A round runs every scenario once; odd
 * rounds in list order (a baseline before the scenarios it measures), even rounds in reverse, so
 * over each pair of rounds a machine that is getting busier or quieter favours neither side of a
 * ratio (options.mjs asks for an even number of rounds).
 * @param {{ scenarios: object[], servers: Record<string, object>, ctx: object, dataset: object, settings: { durationS: number, rounds: number, warmupS: number, connections: number }, log: (msg: string) => void }} run
 * @returns {Promise<{ scenario: object, load: object, errors: number }[]>}
 */
export async function measureThroughput({ scenarios, servers, ctx, dataset, settings, log }) {
  const perRound = settings.durationS / settings.rounds;
  const rounds = new Map(scenarios.map((s) => [s.id, []]));
  const requestsOf = new Map(scenarios.filter((s) => s.requests).map((s) => [s.id, fromEdge(s.requests(ctx))]));
  const custom = new Map();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const scenario of round % 2 === 1 ? scenarios : [...scenarios].reverse()) {
      const server = servers[scenario.server];
      if (scenario.measure) {
        // A measurement that is not a request loop (e.g. indexing throughput): run once, in round 1,
        // which runs in list order (search scenarios come after indexing there).
        if (round === 1) custom.set(scenario.id, await scenario.measure({ ...ctx, server, servers, dataset, durationS: settings.durationS, send }));
        continue;
      }
      const requests = requestsOf.get(scenario.id);
      await prepare(server, scenario, requests);
      const cpuBefore = server.cpuTimeMs();
      const r = await runLoad({ url: server.url, requests, durationS: perRound, warmupS: settings.warmupS, connections: settings.connections });
      const cpuAfter = server.cpuTimeMs();
      // workerd's CPU (every thread: the worker, and the local D1/KV simulators it hosts).
      r.cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      rounds.get(scenario.id).push(r);
      log(`round ${round}/${settings.rounds} ${scenario.id}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, status ${JSON.stringify(r.statusCounts)}`);
      if (requests.some(isWrite)) await sleep(AFTER_WRITES_MS);
    }
  }
  return scenarios.map((scenario) => {
    if (scenario.measure) {
      const m = custom.get(scenario.id);
      return { scenario, load: { p50Ms: null, p99Ms: null, cpuMsPerRequest: null, requests: null, statusCounts: {}, ...m }, errors: m.errors ?? 0 };
    }
    const load = combineRounds(rounds.get(scenario.id));
    const unexpected = Object.entries(load.statusCounts).filter(([code]) => !scenario.expect.includes(Number(code))).reduce((n, [, c]) => n + c, 0);
    return { scenario, load, errors: unexpected + load.connectionErrors + load.timeouts };
  });
}
