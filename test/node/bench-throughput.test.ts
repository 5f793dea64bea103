import { beforeEach, describe, expect, it, vi } from "vitest";

// The load rounds' order, with the load process replaced by a recorder: which scenario ran when,
// and what each round's figures were filed under.
const calls: string[] = [];
let loads = 0;
vi.mock("../../scripts/bench/client.mjs", () => ({
  fromEdge: (requests: unknown[]) => requests,
  prepare: async () => {},
  send: async () => ({}),
  sleep: async (ms: number) => {
    calls.push(`sleep ${ms}`);
  },
  // req/s encodes the server and the call's position, so the test can see where each result went.
  runLoad: async (job: { url: string }) => {
    calls.push(job.url);
    const requests = 100 * ++loads;
    return { requests, warmupRequests: 0, durationS: 1, p50Ms: 1, p99Ms: 1, statusCounts: { 200: requests }, connectionErrors: 0, timeouts: 0 };
  },
}));

const { measureThroughput } = await import("../../scripts/bench/throughput.mjs");

const get = () => [{ method: "GET", path: "/" }];
const server = (url: string) => ({ url, cpuTimeMs: () => 0 });
const scenarios = [
  { id: "base", server: "bare", expect: [200], requests: get },
  { id: "read", server: "app", baseline: "base", expect: [200], requests: get },
  {
    id: "index",
    server: "app",
    expect: [200],
    measure: async () => {
      calls.push("measure");
      return { rps: 1 };
    },
  },
  { id: "write", server: "app", expect: [201], requests: () => [{ method: "POST", path: "/w" }] },
];

describe("load rounds", () => {
  beforeEach(() => {
    calls.length = 0;
    loads = 0;
  });

  it("alternate forward and reverse, run a one-off measurement once in round 1, and pause after writes", async () => {
    const measured = await measureThroughput({
      scenarios,
      servers: { bare: server("bare"), app: server("app") },
      ctx: {},
      dataset: {},
      settings: { durationS: 4, rounds: 4, warmupS: 0, connections: 1 },
      log: () => {},
    });
    const forward = ["bare", "app", "app", "sleep 3000"];
    const reverse = ["app", "sleep 3000", "app", "bare"];
    expect(calls).toEqual([...forward.slice(0, 2), "measure", ...forward.slice(2), ...reverse, ...forward, ...reverse]);
    // Each scenario's rounds in round order, whichever order the round ran in: load runs 1, 6, 7
    // and 12 were base's, 2, 5, 8 and 11 read's.
    const byId = Object.fromEntries(measured.map((m) => [m.scenario.id, m.load]));
    expect(byId.base.roundsRps).toEqual([100, 600, 700, 1_200]);
    expect(byId.read.roundsRps).toEqual([200, 500, 800, 1_100]);
    expect(byId.index.rps).toBe(1);
  });
});
