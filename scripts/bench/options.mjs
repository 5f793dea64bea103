// The benchmark's command line: how long and how hard to load, which scenarios, which latency profile.
import { parseArgs } from "node:util";
import { SCENARIOS } from "./scenarios.mjs";

/** Round trips (ms) from a consumer's edge to each dependency; `far` is a consumer far from the data. */
export const RTT_PROFILES = {
  local: { upstash: 0, primary: 0, replica: 0, kv: 0 },
  near: { upstash: 5, primary: 5, replica: 5, kv: 2 },
  far: { upstash: 150, primary: 150, replica: 20, kv: 5 },
};

const DEPENDENCIES = ["upstash", "primary", "replica", "kv"];

/**
 * The run's options from its arguments (`npm run bench -- …`); throws on a flag it cannot honour.
 * @param {string[]} argv the arguments after the script's path
 * @returns {{ check: boolean, only: Set<string> | null, rtt: null | { profile: string, upstash: number, primary: number, replica: number, kv: number }, settings: { durationS: number, rounds: number, warmupS: number, connections: number } }}
 */
export function benchOptions(argv) {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "12" },
      rounds: { type: "string", default: "4" },
      warmup: { type: "string", default: "2" },
      connections: { type: "string", default: "10" },
      only: { type: "string" },
      check: { type: "boolean", default: false },
      rtt: { type: "string" },
      ...Object.fromEntries(DEPENDENCIES.map((k) => [`rtt-${k}`, { type: "string" }])),
    },
  });
  if (args.rtt !== undefined && !(args.rtt in RTT_PROFILES)) throw new Error(`--rtt must be one of ${Object.keys(RTT_PROFILES).join(", ")}`);
  const rtt =
    args.rtt === undefined
      ? null
      : {
          profile: args.rtt,
          ...RTT_PROFILES[args.rtt],
          ...Object.fromEntries(DEPENDENCIES.filter((k) => args[`rtt-${k}`] !== undefined).map((k) => [k, Number(args[`rtt-${k}`])])),
        };
  // Latency-bound runs measure waiting, not throughput: fewer connections keep the CPU out of it.
  if (rtt && args.connections === "10" && !argv.includes("--connections")) args.connections = "4";
  const settings = { durationS: Number(args.duration), rounds: Number(args.rounds), warmupS: Number(args.warmup), connections: Number(args.connections) };
  if (!(Number.isInteger(settings.rounds) && settings.rounds >= 1 && settings.durationS > 0)) throw new Error("--rounds must be a whole number >= 1 and --duration > 0");
  // Reversed rounds balance forward ones only in pairs.
  if (settings.rounds > 1 && settings.rounds % 2 === 1) throw new Error("--rounds must be 1 or even (every other round runs in reverse)");
  // autocannon stops on whole seconds: a round of 2.5 s would run 3.
  if (!Number.isInteger(settings.durationS / settings.rounds)) throw new Error("--duration must be a whole number of seconds per round");
  const only = args.only ? new Set(args.only.split(",")) : null;
  if (only) for (const id of only) if (!SCENARIOS.some((s) => s.id === id)) throw new Error(`no scenario "${id}"`);
  return { check: args.check, only, rtt, settings };
}
