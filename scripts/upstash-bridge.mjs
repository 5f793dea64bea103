// A small Upstash-REST-compatible front for a real Redis, for tests and local dev only (Node, never
// part of the worker bundle). What it serves and where it differs from Upstash: docs/upstash-bridge.md.
// The pieces live in scripts/upstash-bridge/: request forms and auth (request.mjs), which commands
// the shared connection may run (commands.mjs), Upstash's Lua dialect (lua.mjs), reply encoding
// (reply.mjs), server-sent-event streams (streams.mjs), and the server itself (server.mjs).
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { startBridge } from "./upstash-bridge/server.mjs";

export { startBridge };

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
      token: { type: "string", default: process.env.UPSTASH_REDIS_REST_TOKEN },
      port: { type: "string", default: "8079" },
    },
  });
  const bridge = await startBridge({ redisUrl: values.redis, token: values.token, port: Number(values.port) });
  console.log(`upstash bridge on ${bridge.url} -> ${values.redis}`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => bridge.close().then(() => process.exit(0)));
}
