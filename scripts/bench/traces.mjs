// Critical paths under a latency profile: the sequential round trips of one request at a time.
import { fromEdge, prepare, send, sleep } from "./client.mjs";
import { SERVERS } from "./scenarios.mjs";
import { RTT_HEADER } from "./workers/latency.js";

/**
 * Each API scenario's worst trace of five requests (from the latency worker's response header).
 * @param {{ scenarios: object[], servers: Record<string, object>, ctx: object, rtt: { upstash: number, primary: number }, log: (msg: string) => void }} run
 * @returns {Promise<Record<string, { sequential: number | null, calls: string[], samples: number }>>}
 */
export async function traceRoundTrips({ scenarios, servers, ctx, rtt, log }) {
  const traces = {};
  for (const scenario of scenarios.filter((s) => s.requests && SERVERS[s.server].app)) {
    const server = servers[scenario.server];
    const requests = fromEdge(scenario.tracedRequests?.(ctx) ?? scenario.requests(ctx));
    await prepare(server, scenario, requests);
    const samples = [];
    // Five requests after the three prepare() sent (cycled for a scenario of fewer).
    for (const req of Array.from({ length: 5 }, (_, i) => requests[(3 + i) % requests.length])) {
      const { res } = await send(server.url, req);
      samples.push(JSON.parse(res.headers.get(RTT_HEADER) ?? "null"));
      await sleep(Math.max(rtt.upstash, rtt.primary) + 20); // its background work ends before the next starts
    }
    const worst = samples.reduce((a, b) => ((b?.sequential ?? 0) > (a?.sequential ?? 0) ? b : a));
    traces[scenario.id] = { sequential: worst?.sequential ?? null, calls: worst?.calls ?? [], samples: samples.length };
    log(`${scenario.id}: ${worst?.sequential} sequential round trip(s): ${worst?.calls.join(" -> ")}`);
  }
  return traces;
}
