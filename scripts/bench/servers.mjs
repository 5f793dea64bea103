// Starting the workers SERVERS describes: each on its own copy of the seeded data, the API with
// its bindings (and, under a latency profile, its dependencies a round trip away).
import { randomBytes } from "node:crypto";
import { cpSync } from "node:fs";
import path from "node:path";
import { startRedisServer } from "../redis-server.mjs";
import { startBridge } from "../upstash-bridge.mjs";
import { send } from "./client.mjs";
import { SERVERS } from "./scenarios.mjs";
import { startWorker } from "./workerd.mjs";

/**
 * A local Redis behind the Upstash REST bridge, as the API's Upstash bindings.
 * @param {(() => Promise<unknown>)[]} stopAll where the run collects what to stop at its end
 */
export async function startUpstash(stopAll) {
  const redis = await startRedisServer();
  stopAll.push(() => redis.stop());
  const token = randomBytes(24).toString("base64url");
  const bridge = await startBridge({ redisUrl: redis.url, token });
  stopAll.push(() => bridge.close());
  return { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: token };
}

/**
 * A function that serves one of SERVERS with a given script (its `script` or its `metered` build).
 * @param {{ tmp: string, seedDir: string, scripts: Record<string, string>, compatibilityDate: string, config: { queues?: unknown }, appBindings: Record<string, string>, upstash: Record<string, string> | null, rtt: object | null, dataset: { markets: object[] }, stopAll: (() => Promise<unknown>)[] }} run
 */
export function serverStarter({ tmp, seedDir, scripts, compatibilityDate, config, appBindings, upstash, rtt, dataset, stopAll }) {
  let copies = 0;
  return async function serve(name, script) {
    const def = SERVERS[name];
    const persistDir = path.join(tmp, `data-${copies++}-${name}`);
    if (def.d1) cpSync(seedDir, persistDir, { recursive: true });
    // Under a latency profile every API server is production's shape (Upstash through the bridge)
    // with its dependencies a round trip away.
    const distant = rtt !== null && def.app && script === def.script;
    const server = await startWorker({
      name,
      scriptPath: scripts[distant ? "latency-app" : script],
      compatibilityDate,
      bindings: def.app
        ? {
            ...appBindings,
            ...(def.vars ?? {}),
            ...(def.upstash || distant ? upstash : {}),
            ...(distant ? { BENCH_RTT: JSON.stringify(rtt), BENCH_UPSTASH_URL: upstash.UPSTASH_REDIS_REST_URL } : {}),
          }
        : {},
      d1: Boolean(def.d1),
      kvBinding: def.kv,
      // The API's index-job queue and its consumers, as wrangler.toml declares them.
      ...(def.app ? { queues: config.queues } : {}),
      persistDir,
    });
    stopAll.push(() => server.dispose());
    if (def.marketDocs) {
      const kv = await server.mf.getKVNamespace("KV");
      for (const m of dataset.markets.slice(0, 200)) await kv.put(m.id, JSON.stringify({ success: true, data: m }));
    }
    return server;
  };
}

/**
 * Sends a server its first request (one it must answer 200) and records how long that took.
 * @param {{ name: string, url: string }} server
 * @param {{ cachedIds: string[], uncachedIds: string[] }} ctx
 */
export async function probe(server, ctx) {
  const { name } = server;
  const def = SERVERS[name];
  const probePath = def.probe ? def.probe(ctx) : def.app ? "/health" : "/";
  const first = await send(server.url, { method: "GET", path: probePath });
  if (!first.res.ok) throw new Error(`${name}: ${probePath} answered ${first.res.status}: ${first.body}`);
  server.firstRequestMs = first.ms;
}
