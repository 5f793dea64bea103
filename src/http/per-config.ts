import type { MiddlewareHandler } from "hono";
import type { Config } from "../config";
import type { AppEnv } from "../env";

/**
 * Middleware that depends on the configuration, built once per configuration object rather than
 * on every request. The app is created before any environment is known and `requestContext` loads
 * the config once per isolate, so in practice `build` runs once per isolate (tests build several).
 *
 * @example app.use("/api/*", perConfig((config) => limitBody({ maxBytes: config.maxBodyBytes })));
 */
export function perConfig(build: (config: Config) => MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  const built = new WeakMap<Config, MiddlewareHandler<AppEnv>>();
  return (c, next) => {
    const config = c.get("config");
    let handler = built.get(config);
    if (!handler) built.set(config, (handler = build(config)));
    return handler(c, next);
  };
}
