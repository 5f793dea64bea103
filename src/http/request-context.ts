import { createMiddleware } from "hono/factory";
import { loadConfig } from "../config";
import type { AppEnv } from "../env";
import { createServices } from "../services";
import { createLogger } from "./logger";

/**
 * Gives the request its logger, config and services, and writes the one access-log line
 * (ts, level, requestId, method, path, status, durationMs) when the response is ready.
 * Runs right after Hono's requestId middleware so every later failure carries the id.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const logger = createLogger({ requestId: c.var.requestId });
  c.set("logger", logger);
  try {
    const config = loadConfig(c.env as unknown as Record<string, unknown>);
    c.set("config", config);
    c.set("services", createServices(c.env, config));
    await next();
  } finally {
    const status = c.res.status;
    logger.log(status >= 500 ? "error" : status >= 400 ? "warn" : "info", "request", {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Date.now() - started,
    });
  }
});
