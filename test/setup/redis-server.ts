// Shared with the benchmark harness, which runs in plain Node.
export { freePort, startRedisServer } from "../../scripts/redis-server.mjs";
